package io.tenure.webhook;

import io.tenure.api.Json;
import io.tenure.catalog.Catalog;
import io.tenure.catalog.Product;
import io.tenure.error.Require;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.util.List;

/** The request bodies of the webhook routes, each checking itself once read. */
final class WebhookRequests {
  private static final int URL_LENGTH_MAX = 2048;
  private static final int LIST_SIZE_MAX = 100;

  private WebhookRequests() {}

  /** A new endpoint: where to post, and optionally which products and event types it takes (absent: all). */
  record NewEndpoint(String url, List<String> products, List<String> events) implements Json.Validated {
    @Override
    public void validate() {
      Require.present(url, "url");
      Require.field(url.length() <= URL_LENGTH_MAX, "url", "must be at most %s characters", URL_LENGTH_MAX);
      Require.field(isHttpUrl(url), "url", "must be an absolute http or https URL, was '%s'", url);
      for (int index = 0; events != null && index < events.size(); index++) {
        String event = events.get(index);
        Require.field(event != null && EventTypes.known(event), "events[" + index + "]", "must be one of " + String.join(", ", EventTypes.names())
            + ", was '%s'", event);
      }
      Require.field(events == null || events.size() <= LIST_SIZE_MAX, "events", "must have at most %s items", LIST_SIZE_MAX);
      Require.field(products == null || products.size() <= LIST_SIZE_MAX, "products", "must have at most %s items", LIST_SIZE_MAX);
    }

    /** Every product must be one of the catalog's: an endpoint for a mistyped product would receive nothing. */
    void requireKnownProducts(Catalog catalog) {
      for (int index = 0; products != null && index < products.size(); index++) {
        String product = products.get(index);
        Require.field(product != null && catalog.findProduct(product).isPresent(), "products[" + index + "]",
            "must be a product of the catalog, one of " + catalog.products().stream().map(Product::code).toList()
                .toString().replace("[", "").replace("]", "") + ", was '%s'", product);
      }
    }

    List<String> productsOrAll() {
      return products == null ? List.of() : List.copyOf(products);
    }

    List<String> eventsOrAll() {
      return events == null ? List.of() : List.copyOf(events);
    }
  }

  /** A replay of an endpoint's events created since {@code since}. */
  record Replay(OffsetDateTime since) implements Json.Validated {
    @Override
    public void validate() {
      Require.present(since, "since");
    }
  }

  private static boolean isHttpUrl(String text) {
    try {
      URI uri = new URI(text);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
    } catch (URISyntaxException invalid) {
      return false;
    }
  }
}
