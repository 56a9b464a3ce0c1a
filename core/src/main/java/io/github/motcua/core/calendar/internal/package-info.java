/** Internal astronomy of the lunar calendar; not part of the public API. */
package io.github.motcua.core.calendar.internal;
