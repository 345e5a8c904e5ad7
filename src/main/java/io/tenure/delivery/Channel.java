package io.tenure.delivery;

/**
 * One way out to a recipient (e-mail, SMS). {@link #send} never throws for a failure of the recipient, the
 * provider or the network: it answers with an {@link Outcome} that says whether another attempt may help, so that
 * the dispatcher decides what to record. Each implementation documents its thread-safety.
 */
public interface Channel extends AutoCloseable {

  /** Sends one message once; never resends on its own, whatever happened. */
  Outcome send(Outbound message);

  /** Releases the connections the channel keeps open between messages. */
  @Override
  void close();
}
