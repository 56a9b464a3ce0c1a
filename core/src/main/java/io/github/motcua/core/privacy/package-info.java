/**
 * Personal data in logs: {@link io.github.motcua.core.privacy.Masking}, the one masked form per
 * kind of value that every motcua module's {@code toString()} and messages use.
 */
package io.github.motcua.core.privacy;
