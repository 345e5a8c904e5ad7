package io.tenure.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * A real browser for the console's tests: Debian's Chromium (/usr/bin/chromium) driven by Playwright, which
 * downloads no browser of its own (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1, set by the Maven build). Each
 * {@link #newPage()} is a fresh browser context: its own cookies, as a new person.
 */
public final class ConsoleBrowser implements AutoCloseable {
  public static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
  /** Where the tests save the screenshots docs/console.md shows. */
  public static final Path SCREENSHOTS = Paths.get("docs", "console");
  private static final List<String> ARGUMENTS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
      "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

  private final Playwright playwright;
  private final Browser browser;
  private final String baseUrl;

  private ConsoleBrowser(Playwright playwright, Browser browser, String baseUrl) {
    this.playwright = playwright;
    this.browser = browser;
    this.baseUrl = baseUrl;
  }

  public static ConsoleBrowser open(TestServer server) {
    Playwright playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(ARGUMENTS));
    return new ConsoleBrowser(playwright, browser, server.baseUrl());
  }

  /** A page in a browser context of its own (no cookies yet), with the server's address as base URL. */
  public Page newPage() {
    BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL(baseUrl)
        .setViewportSize(1280, 900).setLocale("en-US"));
    return context.newPage();
  }

  /** Signs in with {@code apiKey} on a new page and returns it, on the page the sign-in leads to. */
  public Page signedIn(String apiKey) {
    Page page = newPage();
    page.navigate("/console/sign-in");
    page.fill("#apiKey", apiKey);
    page.click("form.sign-in button[type=submit]");
    page.waitForLoadState();
    return page;
  }

  /** Saves a full-page screenshot as docs/console/{@code name}.png. */
  public static void screenshot(Page page, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
    } catch (java.io.IOException failure) {
      throw new java.io.UncheckedIOException(failure);
    }
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
