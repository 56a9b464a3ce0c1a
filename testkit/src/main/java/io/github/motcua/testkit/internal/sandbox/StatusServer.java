package io.github.motcua.testkit.internal.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.motcua.core.ConfigurationException;
import io.github.motcua.testkit.Fault;
import io.github.motcua.testkit.FaultInjectable;
import io.github.motcua.testkit.MotcuaSandbox;
import io.github.motcua.testkit.NationalPortalFake;
import io.github.motcua.testkit.PortalFault;
import io.github.motcua.testkit.ProvincialPortalFake;
import io.github.motcua.testkit.internal.FormParameters;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * The sandbox server's status page and admin endpoints, on the JDK's HTTP server bound to loopback.
 *
 * <ul>
 *   <li>{@code GET /}: an HTML page with every fake's settings, the dossiers each portal fake
 *       holds, the faults that can be switched on (with buttons) and the faults active now;
 *   <li>{@code GET /admin/status}: the same as JSON;
 *   <li>{@code POST /admin/faults?fake=<part|all>&preset=<Fault text>}: applies a {@link Fault};
 *   <li>{@code POST /admin/faults/clear?fake=<part|all>}: removes every fault;
 *   <li>{@code POST /admin/reset}: forgets every dossier, session, order and fault.
 * </ul>
 *
 * <p>Form posts from the page redirect back to it. Answers 400 with a reason for a bad request.
 */
public final class StatusServer implements AutoCloseable {

  private static final int MAX_BODY = 16 * 1024;
  private static final int MAX_LISTED = 500;

  private final MotcuaSandbox sandbox;
  private final HttpServer server;
  private final ObjectMapper mapper = new ObjectMapper();
  private final Map<MotcuaSandbox.Part, String> active = new ConcurrentHashMap<>();

  /**
   * Starts the page on a loopback port.
   *
   * @param sandbox the running sandbox
   * @param port the port, 0 for a free one
   * @throws IOException when the port cannot be bound
   */
  public StatusServer(MotcuaSandbox sandbox, int port) throws IOException {
    this.sandbox = sandbox;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.setExecutor(
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "motcua-sandbox-status");
              t.setDaemon(true);
              return t;
            }));
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * Returns the page's URL.
   *
   * @return for example {@code http://127.0.0.1:8025/}
   */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      try {
        if (method.equals("GET") && path.equals("/")) {
          send(exchange, 200, "text/html; charset=utf-8", page());
        } else if (method.equals("GET") && path.equals("/admin/status")) {
          send(exchange, 200, "application/json", status().toPrettyString());
        } else if (method.equals("POST") && path.equals("/admin/faults")) {
          Map<String, String> params = params(exchange);
          Fault fault = Fault.parse(required(params, "preset"));
          for (MotcuaSandbox.Part part : targets(params)) {
            sandbox.inject(part, fault);
            active.put(part, fault.toString());
          }
          done(exchange, params);
        } else if (method.equals("POST") && path.equals("/admin/faults/clear")) {
          Map<String, String> params = params(exchange);
          for (MotcuaSandbox.Part part : targets(params)) {
            sandbox.fakes().get(part).clearFaults();
            active.remove(part);
          }
          done(exchange, params);
        } else if (method.equals("POST") && path.equals("/admin/reset")) {
          Map<String, String> params = params(exchange);
          sandbox.reset();
          active.clear();
          done(exchange, params);
        } else {
          send(exchange, 404, "text/plain; charset=utf-8", "not found\n");
        }
      } catch (ConfigurationException e) {
        send(exchange, 400, "text/plain; charset=utf-8", e.code() + ": " + e.getMessage() + "\n");
      }
    }
  }

  private java.util.List<MotcuaSandbox.Part> targets(Map<String, String> params) {
    String fake = params.getOrDefault("fake", "all").strip();
    if (fake.equalsIgnoreCase("all")) {
      return java.util.List.copyOf(sandbox.fakes().keySet());
    }
    try {
      MotcuaSandbox.Part part =
          MotcuaSandbox.Part.valueOf(fake.toUpperCase(Locale.ROOT).replace('-', '_'));
      if (!sandbox.fakes().containsKey(part)) {
        throw new IllegalArgumentException();
      }
      return java.util.List.of(part);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(
          "sandbox.admin.fake", "fake is 'all' or one of " + sandbox.fakes().keySet() + ".");
    }
  }

  private static String required(Map<String, String> params, String name) {
    String v = params.get(name);
    if (v == null || v.isBlank()) {
      throw new ConfigurationException(
          "sandbox.admin." + name, "The parameter " + name + " is missing.");
    }
    return v;
  }

  private void done(HttpExchange exchange, Map<String, String> params) throws IOException {
    if ("page".equals(params.get("from"))) {
      exchange.getResponseHeaders().set("Location", "/");
      exchange.sendResponseHeaders(303, -1);
    } else {
      send(exchange, 200, "application/json", status().toPrettyString());
    }
  }

  private static Map<String, String> params(HttpExchange exchange) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    parseForm(exchange.getRequestURI().getRawQuery(), out);
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_BODY + 1);
      if (body.length > MAX_BODY) {
        throw new ConfigurationException("sandbox.admin.body", "The request body is too large.");
      }
      parseForm(new String(body, StandardCharsets.UTF_8), out);
    }
    return out;
  }

  private static void parseForm(String text, Map<String, String> out) {
    try {
      out.putAll(FormParameters.parse(text));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(
          "sandbox.admin.encoding", "The form is not URL-encoded or repeats a parameter.");
    }
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /**
   * Returns the sandbox's state as JSON: settings, stored dossiers per portal, faults.
   *
   * @return the status document
   */
  public ObjectNode status() {
    ObjectNode root = mapper.createObjectNode();
    ObjectNode settings = root.putObject("settings");
    sandbox.settings().forEach(settings::put);
    ObjectNode portals = root.putObject("dossiers");
    if (sandbox.parts().contains(MotcuaSandbox.Part.NATIONAL_PORTAL)) {
      ArrayNode list = portals.putArray("national");
      sandbox
          .nationalPortal()
          .dossiers()
          .values()
          .forEach(
              d ->
                  list.addObject()
                      .put("code", d.code())
                      .put("status", d.status())
                      .put("channel", d.current().path("KenhThucHien").asText(""))
                      .put("returnForm", d.current().path("HinhThuc").asText(""))
                      .put("portalAccount", !d.current().path("MaDoiTuong").asText("").isEmpty())
                      .put("records", d.history().size())
                      .put("steps", d.steps().size())
                      .put("rated", d.rating() != null));
    }
    if (sandbox.parts().contains(MotcuaSandbox.Part.PROVINCIAL_PORTAL)) {
      ArrayNode list = portals.putArray("provincial");
      sandbox
          .provincialPortal()
          .dossiers()
          .values()
          .forEach(
              d ->
                  list.addObject()
                      .put("code", d.code())
                      .put("status", d.status())
                      .put("records", d.history().size())
                      .put("steps", d.steps().size())
                      .put("rated", d.rating() != null));
    }
    if (sandbox.parts().contains(MotcuaSandbox.Part.TAX_AUTHORITY)) {
      taxStatus(root.putObject("receipts"));
    }
    ObjectNode faults = root.putObject("faults");
    ArrayNode kinds = faults.putArray("available");
    for (PortalFault f : PortalFault.values()) {
      kinds.add(f.name());
    }
    ObjectNode now = faults.putObject("active");
    active.forEach((part, preset) -> now.put(part.name(), preset));
    ObjectNode injected = faults.putObject("injected");
    for (Map.Entry<MotcuaSandbox.Part, FaultInjectable> e : sandbox.fakes().entrySet()) {
      ObjectNode counts = injected.putObject(e.getKey().name());
      for (PortalFault f : PortalFault.values()) {
        long n = e.getValue().injectedFaults(f);
        if (n > 0) {
          counts.put(f.name(), n);
        }
      }
    }
    return root;
  }

  private String page() {
    StringBuilder h = new StringBuilder();
    h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>motcua sandbox</title><style>")
        .append("body{font-family:sans-serif;margin:2em;max-width:70em}")
        .append("table{border-collapse:collapse;margin-bottom:1.5em}")
        .append("td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left}")
        .append("form{display:inline}code{background:#f4f4f4}</style></head><body>")
        .append("<h1>motcua sandbox</h1>")
        .append("<p>Every fake of the test kit on loopback. Faults and dossiers below; ")
        .append("<a href=\"/admin/status\">JSON</a>.</p>");
    h.append("<h2>Settings</h2><table>");
    sandbox
        .settings()
        .forEach(
            (k, v) ->
                h.append("<tr><th>")
                    .append(esc(k))
                    .append("</th><td><code>")
                    .append(esc(v))
                    .append("</code></td></tr>"));
    h.append("</table>");
    h.append("<h2>Faults</h2><table><tr><th>fake</th><th>active preset</th><th>injected</th>")
        .append("<th>switch on</th></tr>");
    for (Map.Entry<MotcuaSandbox.Part, FaultInjectable> e : sandbox.fakes().entrySet()) {
      String part = e.getKey().name();
      StringBuilder counts = new StringBuilder();
      for (PortalFault f : PortalFault.values()) {
        long n = e.getValue().injectedFaults(f);
        if (n > 0) {
          counts.append(f.name()).append(' ').append(n).append("<br>");
        }
      }
      h.append("<tr><td>")
          .append(part)
          .append("</td><td>")
          .append(esc(active.getOrDefault(e.getKey(), "none")))
          .append("</td><td>")
          .append(counts)
          .append("</td><td>");
      for (PortalFault f : PortalFault.values()) {
        button(h, "/admin/faults", part, f.name() + "@0.3", f.name() + " 30%");
      }
      button(h, "/admin/faults", part, "network@0.2", "network 20%");
      button(h, "/admin/faults/clear", part, null, "clear");
      h.append("</td></tr>");
    }
    h.append("</table>");
    h.append("<p>Or with curl: <code>curl -X POST '")
        .append(esc(url()))
        .append(
            "admin/faults?fake=national_portal&amp;preset=SERVER_ERROR*3'</code>; presets read ")
        .append("<code>KIND*calls</code>, <code>KIND*calls+passing</code>, ")
        .append("<code>KIND[,KIND]@rate[#seed]</code>, <code>network@rate[#seed]</code>.</p>");
    h.append("<form method=\"post\" action=\"/admin/reset\">")
        .append("<input type=\"hidden\" name=\"from\" value=\"page\">")
        .append("<button>reset every fake</button></form>");
    if (sandbox.parts().contains(MotcuaSandbox.Part.NATIONAL_PORTAL)) {
      Map<String, NationalPortalFake.StoredDossier> held = sandbox.nationalPortal().dossiers();
      h.append("<h2>National portal: ").append(held.size()).append(" dossiers</h2>");
      dossierTable(
          h,
          held.values().stream()
              .limit(MAX_LISTED)
              .map(d -> new Row(d.code(), d.status(), d.history().size(), d.steps().size()))
              .toList(),
          held.size());
    }
    if (sandbox.parts().contains(MotcuaSandbox.Part.PROVINCIAL_PORTAL)) {
      Map<String, ProvincialPortalFake.StoredDossier> held = sandbox.provincialPortal().dossiers();
      h.append("<h2>Provincial portal: ").append(held.size()).append(" dossiers</h2>");
      dossierTable(
          h,
          held.values().stream()
              .limit(MAX_LISTED)
              .map(d -> new Row(d.code(), d.status(), d.history().size(), d.steps().size()))
              .toList(),
          held.size());
    }
    if (sandbox.parts().contains(MotcuaSandbox.Part.TAX_AUTHORITY)) {
      taxPage(h);
    }
    h.append("</body></html>\n");
    return h.toString();
  }

  /** What the tax authority fake holds: counts, states, gaps, refusals, the latest documents. */
  private void taxStatus(ObjectNode out) {
    io.github.motcua.testkit.TaxAuthorityFake tax = sandbox.taxAuthority();
    java.util.List<io.github.motcua.testkit.TaxAuthorityFake.Accepted> held = tax.accepted();
    out.put("accepted", held.size());
    out.put("late", tax.lateDeliveries());
    out.put("summaries", tax.summaries().size());
    out.set("gaps", mapper.valueToTree(tax.gaps()));
    out.set("refusals", mapper.valueToTree(tax.refusals()));
    ArrayNode list = out.putArray("latest");
    held.stream()
        .skip(Math.max(0, held.size() - MAX_LISTED))
        .forEach(
            a ->
                list.addObject()
                    .put("series", a.series())
                    .put("number", a.number())
                    .put("kind", a.kind())
                    .put("acceptanceCode", a.acceptanceCode()));
  }

  private void taxPage(StringBuilder h) {
    io.github.motcua.testkit.TaxAuthorityFake tax = sandbox.taxAuthority();
    java.util.List<io.github.motcua.testkit.TaxAuthorityFake.Accepted> held = tax.accepted();
    h.append("<h2>Tax authority: ")
        .append(held.size())
        .append(" receipt documents, ")
        .append(tax.summaries().size())
        .append(" daily summaries</h2>");
    h.append("<p>Gaps: ")
        .append(esc(tax.gaps().isEmpty() ? "none" : tax.gaps().toString()))
        .append("; refusals: ")
        .append(esc(tax.refusals().isEmpty() ? "none" : tax.refusals().toString()))
        .append("; late: ")
        .append(tax.lateDeliveries())
        .append("</p>");
    if (!held.isEmpty()) {
      h.append("<table><tr><th>series</th><th>number</th><th>kind</th><th>acceptance</th></tr>");
      held.stream()
          .skip(Math.max(0, held.size() - MAX_LISTED))
          .forEach(
              a ->
                  h.append("<tr><td>")
                      .append(esc(a.series()))
                      .append("</td><td>")
                      .append(a.number())
                      .append("</td><td>")
                      .append(esc(a.kind()))
                      .append("</td><td>")
                      .append(esc(a.acceptanceCode()))
                      .append("</td></tr>"));
      h.append("</table>");
    }
  }

  private record Row(String code, int status, int records, int steps) {}

  private static void dossierTable(StringBuilder h, java.util.List<Row> rows, int total) {
    if (rows.isEmpty()) {
      h.append("<p>None yet.</p>");
      return;
    }
    h.append("<table><tr><th>dossier</th><th>status</th><th>records</th><th>steps</th></tr>");
    for (Row r : rows) {
      h.append("<tr><td>")
          .append(esc(r.code()))
          .append("</td><td>")
          .append(r.status())
          .append("</td><td>")
          .append(r.records())
          .append("</td><td>")
          .append(r.steps())
          .append("</td></tr>");
    }
    h.append("</table>");
    if (total > rows.size()) {
      h.append("<p>… and ").append(total - rows.size()).append(" more (see the JSON).</p>");
    }
  }

  private static void button(StringBuilder h, String action, String part, String preset, String l) {
    h.append("<form method=\"post\" action=\"")
        .append(action)
        .append("\"><input type=\"hidden\" name=\"from\" value=\"page\">")
        .append("<input type=\"hidden\" name=\"fake\" value=\"")
        .append(part)
        .append("\">");
    if (preset != null) {
      h.append("<input type=\"hidden\" name=\"preset\" value=\"").append(esc(preset)).append("\">");
    }
    h.append("<button>").append(esc(l)).append("</button></form> ");
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
