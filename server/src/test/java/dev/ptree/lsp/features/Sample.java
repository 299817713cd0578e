package dev.ptree.lsp.features;

/**
 * A small workspace the feature tests share: one config set bound to one tree, and a second tree
 * whose provider refers into the first by uuid. {@code $COMPUTE_NODE} reaches cn1 and skips cn2,
 * which an entry names.
 */
final class Sample {
  private Sample() {}

  static final String CONFIG_PATH = "provider_config/10-compute.yaml";
  static final String HOST_PATH = "host.ptree.yaml";
  static final String RACK_PATH = "rack.ptree.yaml";
  static final String CN1_UUID = "7d7b5e2c-5d6b-4a43-9d2e-0f6b5b1f9a10";
  static final String CN2_UUID = "8e8c6f3d-6e7c-4b54-8e3f-1a7c6c2a0b21";

  static final String CONFIG = """
      meta:
        schema_version: '1.0'
      providers:
        - identification:
            uuid: $COMPUTE_NODE
          inventories:
            additional:
              - CUSTOM_LOCAL_NVME_GB:
                  total: 4
                  reserved: 1
                  allocation_ratio: 1.1
          traits:
            additional:
              - CUSTOM_RACK_A12
        - identification:
            name: cn2
          traits:
            additional:
              - CUSTOM_RACK_A12
              - CUSTOM_GPU_BURN_IN
      """;

  static final String HOST = """
      provider_tree: '1.0'
      provider_configs: provider_config
      providers:
        - name: cn1
          uuid: 7d7b5e2c-5d6b-4a43-9d2e-0f6b5b1f9a10
          traits: [COMPUTE_NODE, HW_CPU_X86_AVX2]
          inventory:
            VCPU: {total: 32, allocation_ratio: 4.0}
            MEMORY_MB: {total: 131072, reserved: 2048}
          children:
            - name: cn1_numa0
              uuid: 0d2a4e6c-8b1f-4c3d-9e5a-7f6b8c9d0e1f
              inventory: {PCPU: {total: 8}}
        - name: cn2
          uuid: 8e8c6f3d-6e7c-4b54-8e3f-1a7c6c2a0b21
          traits: [COMPUTE_NODE, CUSTOM_RACK_A12]
        - name: shared-disk
          uuid: 2b1c9e6a-7f3d-4f0e-9a41-5d8e2c7b6a90
          parent: cn1
          inventory:
            DISK_GB: {total: 1000}
      """;

  static final String RACK = """
      provider_tree: '1.0'
      providers:
        - name: rack-nic
          uuid: 3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f
          parent_provider_uuid: 7d7b5e2c-5d6b-4a43-9d2e-0f6b5b1f9a10
      """;

  static FeatureDsl.Files workspace() {
    return FeatureDsl.files(CONFIG_PATH, CONFIG, HOST_PATH, HOST, RACK_PATH, RACK);
  }

  /**
   * A config set bound to a tree of two compute-node roots: one entry reaches both, one names a
   * provider the tree lacks, one is a no-op.
   */
  static FeatureDsl.Files reachWorkspace() {
    return FeatureDsl.files("provider_config/a.yaml", """
        providers:
          - identification: {uuid: $COMPUTE_NODE}
            traits: {additional: [CUSTOM_A]}
          - identification: {name: ghost}
            traits: {additional: [CUSTOM_A]}
          - identification: {name: idle}
        """, "t.ptree.yaml", """
        provider_tree: '1.0'
        provider_configs: provider_config
        providers:
          - {name: cn1, traits: [COMPUTE_NODE]}
          - {name: cn2, traits: [COMPUTE_NODE]}
        """);
  }
}
