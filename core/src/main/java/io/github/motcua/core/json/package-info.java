/**
 * Canonical JSON for the dossier model: {@link io.github.motcua.core.json.MotcuaJson} gives a
 * configured Jackson mapper and module, and reading failures are reported, all at once and with
 * their JSON paths, by {@link io.github.motcua.core.InvalidInputException}. The schema is
 * documented in {@code docs/json.md}.
 */
package io.github.motcua.core.json;
