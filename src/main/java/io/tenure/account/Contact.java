package io.tenure.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tenure.error.Require;
import java.util.regex.Pattern;

/** A person on an account, reachable by email and/or phone; the one it lacks is left out of answers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Contact(String name, ContactRole role, String email, String phone) {
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 \\-]{4,30}");

  /** Checks a contact given by a caller; {@code field} names it in errors ({@code contacts[0]}). */
  public void validate(String field) {
    Require.present(name, field + ".name");
    Require.field(!name.isBlank() && name.length() <= 200, field + ".name", "must be 1 to 200 characters");
    Require.present(role, field + ".role");
    Require.field(email != null || phone != null, field, "needs an email or a phone");
    Require.field(email == null || EMAIL.matcher(email).matches(), field + ".email", "'%s' is not an email address", email);
    Require.field(phone == null || PHONE.matcher(phone).matches(), field + ".phone", "'%s' is not a phone number", phone);
  }
}
