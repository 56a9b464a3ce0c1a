package io.github.motcua.core.dossier;

import java.util.List;

/** The event types in lifecycle order. Package-private: see {@link DossierEvent#types()}. */
final class EventTypes {

  static final List<Class<? extends DossierEvent>> TYPES =
      List.of(
          DossierEvent.Submitted.class,
          DossierEvent.Received.class,
          DossierEvent.Accepted.class,
          DossierEvent.Refused.class,
          DossierEvent.StepCompleted.class,
          DossierEvent.SupplementRequested.class,
          DossierEvent.SupplementReceived.class,
          DossierEvent.PaymentRequested.class,
          DossierEvent.PaymentReceived.class,
          DossierEvent.Withdrawn.class,
          DossierEvent.Stopped.class,
          DossierEvent.ResultReady.class,
          DossierEvent.ResultReturned.class,
          DossierEvent.Rated.class,
          DossierEvent.ReceiptRecorded.class);

  static final List<String> NAMES = TYPES.stream().map(Class::getSimpleName).toList();

  private EventTypes() {}
}
