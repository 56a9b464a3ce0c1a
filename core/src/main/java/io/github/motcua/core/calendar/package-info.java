/**
 * The Vietnamese working calendar: the lunar calendar ({@link
 * io.github.motcua.core.calendar.VietnameseLunarCalendar}), public holidays ({@link
 * io.github.motcua.core.calendar.HolidaySchedule}), working days ({@link
 * io.github.motcua.core.calendar.WorkingCalendar}) and statutory deadlines ({@link
 * io.github.motcua.core.calendar.DeadlinePolicy}). See the core README for the rules and their
 * sources.
 */
package io.github.motcua.core.calendar;
