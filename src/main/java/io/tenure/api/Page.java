package io.tenure.api;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing, the shape of every listing Tenure answers: {@code {"items":[...],"next":...}}.
 * {@code next} is what the caller passes back for the following page (an id as {@code after}, or a sequence
 * number as {@code before}, as the listing documents), and {@code null} on the last page. Immutable.
 */
public record Page<T>(List<T> items, Object next) {

  public Page {
    items = List.copyOf(items);
  }

  /**
   * The page of {@code found}, read with {@code limit}: a full page may have a successor, so its {@code next} is
   * the {@code cursor} of its last item; a shorter one is the last.
   */
  public static <R, T> Page<T> of(List<R> found, int limit, Function<? super R, T> view, Function<? super R, ?> cursor) {
    Object next = found.size() == limit ? cursor.apply(found.getLast()) : null;
    return new Page<>(found.stream().<T>map(view).toList(), next);
  }
}
