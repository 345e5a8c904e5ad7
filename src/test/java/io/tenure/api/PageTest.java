package io.tenure.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one page shape of every listing. */
class PageTest {

  record Item(String id, long sequence) {}

  private static final List<Item> TWO = List.of(new Item("acc_1", 7), new Item("acc_2", 6));

  @Test
  void aFullPageNamesTheCursorOfItsLastItemAsNext() {
    Page<String> page = Page.of(TWO, 2, Item::id, Item::sequence);

    assertThat(page.items()).containsExactly("acc_1", "acc_2");
    assertThat(Json.write(page)).isEqualTo("{\"items\":[\"acc_1\",\"acc_2\"],\"next\":6}");
  }

  @Test
  void aShorterPageIsTheLastAndWritesNextAsNull() {
    Page<Item> page = Page.of(TWO, 3, item -> item, Item::id);

    assertThat(Json.write(page)).isEqualTo("{\"items\":[{\"id\":\"acc_1\",\"sequence\":7},{\"id\":\"acc_2\",\"sequence\":6}],\"next\":null}");
  }

  @Test
  void theErrorBodyIsTheErrorWithItsCodeAndMessage() {
    assertThat(Json.write(ErrorBody.of("NOT_FOUND", "No account acc_1.")))
        .isEqualTo("{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"No account acc_1.\"}}");
  }
}
