/**
 * The JDBC convention every motcua store follows: per-dialect SQL files shipped under {@code
 * META-INF/motcua/sql/} (a schema file to run as a migration, and a file of named statements), a
 * validated table prefix replacing {@code motcua_}, instants as milliseconds since the epoch, the
 * dialect detected from the first connection, and a durability check. Not API.
 */
package io.github.motcua.core.internal.jdbc;
