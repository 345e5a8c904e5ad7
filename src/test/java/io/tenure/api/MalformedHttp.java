package io.tenure.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Requests that are not valid HTTP, each built on a request to the operation that would otherwise succeed:
 * broken chunked encoding, bad percent-encoding, control characters in the path and in headers, an over-long
 * path and header, and a Content-Length that is too short, too long, negative, doubled or not a number.
 */
final class MalformedHttp {
  /** Longer than Jetty's limits for the request line and the headers (8 KiB each by default). */
  private static final int OVER_LONG = 20_000;

  private MalformedHttp() {}

  static List<FuzzRequest> of(BadRequests requests) {
    List<FuzzRequest> all = new ArrayList<>();
    all.addAll(badChunks(requests));
    all.addAll(badPaths(requests));
    all.addAll(badHeaders(requests));
    all.addAll(badContentLengths(requests));
    return all;
  }

  private static List<FuzzRequest> badChunks(BadRequests requests) {
    FuzzRequest valid = requests.valid("chunked");
    String body = new String(valid.body(), StandardCharsets.UTF_8);
    int length = valid.body().length;
    String size = Integer.toHexString(Math.max(length, 1));
    List<FuzzRequest> all = new ArrayList<>();
    String chunked = "Transfer-Encoding: chunked\r\n";
    all.add(valid.framing(chunked).body("zz\r\n" + body + "\r\n0\r\n\r\n").withLabel("chunk size not hex"));
    all.add(valid.framing(chunked).body(Integer.toHexString(length + 50) + "\r\n" + body + "\r\n0\r\n\r\n").withLabel("chunk longer than sent"));
    all.add(valid.framing(chunked).body(size + "\r\n" + body + "\r\n").withLabel("no last chunk"));
    all.add(valid.framing(chunked).body("-1\r\n" + body + "\r\n0\r\n\r\n").withLabel("negative chunk size"));
    all.add(valid.framing(chunked).body(size + "\r\n" + body + "XX0\r\n\r\n").withLabel("chunk without its CRLF"));
    all.add(valid.framing(chunked).body("fffffffffffffffff\r\n" + body + "\r\n0\r\n\r\n").withLabel("chunk size overflowing"));
    all.add(valid.framing("Transfer-Encoding: gzip, chunked\r\n").body(size + "\r\n" + body + "\r\n0\r\n\r\n")
        .withLabel("unknown transfer coding"));
    return all;
  }

  private static List<FuzzRequest> badPaths(BadRequests requests) {
    String target = requests.target();
    List<FuzzRequest> all = new ArrayList<>();
    for (String bad : List.of("%zz", "%", "%e0%80", "%c3%28", "%ff%fe", "\u0000", "\u0001", "\u007f", "\u001b", " x", "\t", "\u00e9")) {
      all.add(requests.valid("path with " + BadRequests.cut(bad)).target(target + bad));
    }
    all.add(requests.valid("path of 20,000 characters").target(target + "/" + "p".repeat(OVER_LONG)));
    all.add(requests.valid("query of 20,000 characters").target(target + "?q=" + "q".repeat(OVER_LONG)));
    all.add(requests.valid("path not starting with /").target(target.substring(1)));
    return all;
  }

  private static List<FuzzRequest> badHeaders(BadRequests requests) {
    List<FuzzRequest> all = new ArrayList<>();
    for (String bad : List.of("X-Fuzz: a\u0000b", "X-Fuzz: a\u0001b", "X-Fuzz: a\u007fb", "X Fuzz: name with a space",
        "X-Fuzz no colon", ": no name", "X-Fuzz: folded\r\n  onto a second line", "X-Fuzz\u0001: control in the name",
        "X-Fuzz: " + "h".repeat(OVER_LONG), "Authorization: Bearer " + "t".repeat(OVER_LONG), "Host: second.host")) {
      all.add(requests.valid("header " + BadRequests.cut(bad)).header(bad));
    }
    return all;
  }

  private static List<FuzzRequest> badContentLengths(BadRequests requests) {
    FuzzRequest valid = requests.valid("Content-Length");
    int length = valid.body().length;
    List<FuzzRequest> all = new ArrayList<>();
    if (length > 1) {
      // The bytes after the declared length arrive as a second request, which must be refused as well.
      all.add(valid.framing("Content-Length: " + (length - 1) + "\r\n").withLabel("Content-Length too short"));
    }
    all.add(valid.framing("Content-Length: " + (length + 10) + "\r\n").withLabel("Content-Length too long"));
    all.add(valid.framing("Content-Length: -1\r\n").withLabel("Content-Length negative"));
    all.add(valid.framing("Content-Length: " + length + "\r\nContent-Length: " + (length + 1) + "\r\n").withLabel("two Content-Lengths"));
    all.add(valid.framing("Content-Length: " + length + ", " + (length + 1) + "\r\n").withLabel("a Content-Length list"));
    all.add(valid.framing("Content-Length: ten\r\n").withLabel("Content-Length not a number"));
    all.add(valid.framing("Content-Length: 99999999999999999999\r\n").withLabel("Content-Length overflowing"));
    all.add(valid.framing("Content-Length: " + length + "\r\nTransfer-Encoding: chunked\r\n").withLabel("Content-Length and chunked"));
    return all;
  }
}
