/**
 * Helpers shared by motcua's modules (masking of personal data). Not part of the public API: may
 * change in any release.
 */
package io.github.motcua.core.internal;
