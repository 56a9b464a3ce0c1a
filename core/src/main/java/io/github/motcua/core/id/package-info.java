/**
 * Vietnamese identifiers: personal identification numbers, tax codes, agency, procedure and dossier
 * codes. Each is an immutable value with {@code parse(String)}, {@code isValid(String)} and {@code
 * value()}; invalid text throws {@link io.github.motcua.core.InvalidInputException} naming the
 * identifier kind and the broken rule.
 */
package io.github.motcua.core.id;
