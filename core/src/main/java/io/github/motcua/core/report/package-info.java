/**
 * The service-quality report (báo cáo chất lượng giải quyết thủ tục hành chính): {@link
 * io.github.motcua.core.report.ServiceQualityReport} counts dossier snapshots of a {@link
 * io.github.motcua.core.report.ReportPeriod} in one pass and renders the figures as text and JSON.
 */
package io.github.motcua.core.report;
