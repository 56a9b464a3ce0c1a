/**
 * Support code shared by motcua's modules: not API. Its classes may change or go in any release;
 * integrators never use them directly.
 */
package io.github.motcua.core.internal;
