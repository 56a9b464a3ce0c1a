package io.github.motcua.portal.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.motcua.core.dossier.Fee;
import io.github.motcua.core.dossier.Payer;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.TaxCode;
import io.github.motcua.core.money.Vnd;
import io.github.motcua.portal.payment.PaymentRequest;
import io.github.motcua.portal.payment.ReceiptDetails;
import java.util.ArrayList;
import java.util.List;

/** Writes a {@link PaymentRequest} as JSON for a durable store and reads it back. Thread-safe. */
public final class PaymentOrderCodec {

  private final ObjectMapper mapper = new ObjectMapper();

  /** Creates a codec. */
  public PaymentOrderCodec() {}

  /**
   * Writes an order.
   *
   * @param order the order
   * @return compact JSON
   */
  public String write(PaymentRequest order) {
    ObjectNode n = mapper.createObjectNode();
    n.put("reference", order.reference());
    n.put("dossier", order.dossierCode().value());
    ArrayNode items = n.putArray("items");
    for (Fee i : order.items()) {
      items
          .addObject()
          .put("code", i.code())
          .put("name", i.name())
          .put("amount", i.amount().amount())
          .put("kind", i.kind().name())
          .put("stage", i.stage().name());
    }
    ObjectNode payer = n.putObject("payer").put("name", order.payer().name());
    order.payer().personalId().ifPresent(id -> payer.put("personalId", id.value()));
    order.payer().taxCode().ifPresent(t -> payer.put("taxCode", t.value()));
    order.payer().address().ifPresent(a -> payer.put("address", a));
    n.put("description", order.description());
    if (order.payerIp() != null) {
      n.put("ip", order.payerIp());
    }
    if (order.bankCode() != null) {
      n.put("bank", order.bankCode());
    }
    ReceiptDetails r = order.receipt();
    n.putArray("receipt")
        .add(r.procedureCode())
        .add(r.procedureName())
        .add(r.serviceCode())
        .add(r.serviceName())
        .add(r.agencyCode())
        .add(r.agencyName())
        .add(r.beneficiaryAccount())
        .add(r.beneficiaryBank())
        .add(r.beneficiaryName());
    try {
      return mapper.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A payment order could not be written as JSON", e);
    }
  }

  /**
   * Reads an order written by {@link #write}.
   *
   * @param json the JSON
   * @return the order
   * @throws JsonProcessingException when the text is not JSON
   */
  public PaymentRequest read(String json) throws JsonProcessingException {
    JsonNode n = mapper.readTree(json);
    List<Fee> items = new ArrayList<>();
    for (JsonNode i : n.path("items")) {
      // Orders stored before the fee line was shared have no kind and no stage: a fee (phí)
      // collected at reception; the platform was told the profile's LoaiPhiLePhi either way.
      items.add(
          new Fee(
              Fee.Kind.valueOf(i.path("kind").asText(Fee.Kind.FEE.name())),
              i.path("code").asText(),
              i.path("name").asText(),
              Vnd.of(i.path("amount").asLong()),
              Fee.CollectionStage.valueOf(
                  i.path("stage").asText(Fee.CollectionStage.AT_RECEPTION.name()))));
    }
    JsonNode p = n.path("payer");
    Payer payer =
        Payer.of(
            p.path("name").asText(),
            p.hasNonNull("personalId") ? PersonalId.parse(p.path("personalId").asText()) : null,
            p.hasNonNull("taxCode") ? TaxCode.parse(p.path("taxCode").asText()) : null,
            p.hasNonNull("address") ? p.path("address").asText() : null);
    JsonNode r = n.path("receipt");
    return new PaymentRequest(
        n.path("reference").asText(),
        DossierCode.parse(n.path("dossier").asText()),
        items,
        payer,
        n.path("description").asText(),
        n.hasNonNull("ip") ? n.path("ip").asText() : null,
        n.hasNonNull("bank") ? n.path("bank").asText() : null,
        new ReceiptDetails(
            r.path(0).asText(),
            r.path(1).asText(),
            r.path(2).asText(),
            r.path(3).asText(),
            r.path(4).asText(),
            r.path(5).asText(),
            r.path(6).asText(),
            r.path(7).asText(),
            r.path(8).asText()));
  }
}
