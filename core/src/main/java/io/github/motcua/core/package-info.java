/**
 * motcua core: the dossier model and its events, Vietnamese identifiers, money, the working
 * calendar and the quality report. Depends only on Jackson and slf4j.
 *
 * <p>Every exception motcua throws extends {@link io.github.motcua.core.MotcuaException}.
 */
package io.github.motcua.core;
