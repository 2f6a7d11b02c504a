package io.herald.domain.automation;

/** A piece of a definition the application checks before accepting it (a CEL condition, a template), and where it is. */
public record Located(String where, String value) {
}
