package dev.ptree.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MessageTest {
  @Test
  void everyArgumentIsNeutralisedOnce() {
    String bidi = "cn1\u202Egpj.exe";
    assertThat(Message.format("name {} is odd", bidi)).isEqualTo("name cn1\\u202Egpj.exe is odd");
    assertThat(Message.format("name {q} is odd", "a\"b\n")).isEqualTo("name \"a\\\"b\\n\" is odd");
    assertThat(Message.format("{m}", "e\u0301")).isEqualTo("e\\u0301");
    assertThat(Message.format("{qm}", "e\u0301")).isEqualTo("\"e\\u0301\"");
    assertThat(Message.format("{} of {}", 3, 4L)).isEqualTo("3 of 4");
  }

  @Test
  void theTemplateIsNotAnArgument() {
    // Braces that are not placeholders stay: messages quote YAML flow mappings and URL templates.
    assertThat(Message.format("PUT /traits/{name} with {total: 4}")).isEqualTo("PUT /traits/{name} with {total: 4}");
    assertThat(Message.format("an unclosed { stays")).isEqualTo("an unclosed { stays");
    // An argument that looks like a placeholder is not expanded again.
    assertThat(Message.format("{} and {}", "{}", "x")).isEqualTo("{} and x");
  }

  @Test
  void aTemplateAndItsArgumentsMustAgree() {
    assertThatThrownBy(() -> Message.format("{} and {}", "one")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Message.format("no placeholder", "one")).isInstanceOf(IllegalArgumentException.class);
  }
}
