/**
 * The dossier model: {@link io.github.motcua.core.dossier.DossierEvent events}, the {@link
 * io.github.motcua.core.dossier.Dossier snapshot} they fold into, and the {@link
 * io.github.motcua.core.dossier.DossierLifecycle lifecycle} that applies them under the legal
 * transitions between the national portal's ten {@link io.github.motcua.core.dossier.DossierStatus
 * statuses}.
 *
 * <p>Every value validates itself on construction and reports all broken rules at once ({@link
 * io.github.motcua.core.InvalidInputException}); every value is immutable and thread-safe; personal
 * data is masked in {@code toString()}.
 */
package io.github.motcua.core.dossier;
