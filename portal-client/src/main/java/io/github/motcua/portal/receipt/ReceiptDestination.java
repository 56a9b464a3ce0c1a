package io.github.motcua.portal.receipt;

import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.portal.PortalClient;
import io.github.motcua.portal.PublishResult;
import io.github.motcua.portal.RetryPolicy;
import io.github.motcua.portal.internal.PortalCalls;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The tax authority as one more destination of the sync outbox: give it to {@code
 * SyncWorker.builder().destination("tax-authority", destination, policy)} and every {@link
 * DossierEvent.ReceiptRecorded} recorded in the outbox reaches the authority through its {@link
 * ReceiptTransmitter}, once, in the order of its dossier, across crashes and outages, with the
 * worker's retries, outage handling and dead letters (a refusal parks the event with the
 * authority's code). Every other event is acknowledged without a call.
 *
 * <p>Thread-safe when its transmitter is.
 */
public final class ReceiptDestination implements PortalClient {

  private final String name;
  private final ReceiptTransmitter transmitter;
  private final RetryPolicy retryPolicy;

  private ReceiptDestination(String name, ReceiptTransmitter transmitter, RetryPolicy policy) {
    this.name = Objects.requireNonNull(name, "name");
    this.transmitter = Objects.requireNonNull(transmitter, "transmitter");
    this.retryPolicy = policy;
  }

  /**
   * Wraps an HTTP transmitter, whose retry policy the worker checks its lease against.
   *
   * @param name the destination's name in results, such as {@code tax-authority}; not null
   * @param transmitter the transmitter; not null
   * @return the destination
   */
  public static ReceiptDestination of(String name, HttpReceiptTransmitter transmitter) {
    return new ReceiptDestination(name, transmitter, transmitter.retryPolicy());
  }

  /**
   * Wraps any transmitter.
   *
   * @param name the destination's name in results; not null
   * @param transmitter the transmitter; not null
   * @return the destination
   */
  public static ReceiptDestination of(String name, ReceiptTransmitter transmitter) {
    return new ReceiptDestination(
        name,
        transmitter,
        transmitter instanceof HttpReceiptTransmitter h ? h.retryPolicy() : null);
  }

  /**
   * Sends a receipt document; acknowledges any other event without a call.
   *
   * @param event the event
   * @param snapshot the dossier after it
   * @return what was sent: {@code transmit <key> <acceptance code>}, or nothing
   */
  @Override
  public PublishResult publish(DossierEvent event, Dossier snapshot) {
    PortalCalls.checkPublish(event, snapshot);
    if (!(event instanceof DossierEvent.ReceiptRecorded r)) {
      return new PublishResult(name, snapshot.code(), event.eventId(), List.of(), null);
    }
    TransmissionResult result = transmitter.transmit(ReceiptTransmission.of(r));
    return new PublishResult(
        name,
        snapshot.code(),
        event.eventId(),
        List.of("transmit " + result.key() + " " + result.acceptanceCode()),
        result.requestId());
  }

  @Override
  public Optional<RetryPolicy> retryPolicy() {
    return Optional.ofNullable(retryPolicy);
  }

  @Override
  public String toString() {
    return "ReceiptDestination[" + name + ", " + transmitter + "]";
  }
}
