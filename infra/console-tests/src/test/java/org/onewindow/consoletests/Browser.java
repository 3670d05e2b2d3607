package org.onewindow.consoletests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One user's browser: Debian's headless Chromium driven by its own chromedriver (no Selenium
 * Manager, nothing downloaded), logged in through the real Keycloak page. Finds elements by their
 * {@code data-test} names and by visible text, the way a person reads the page.
 */
final class Browser implements AutoCloseable {

    static final String BASE = System.getProperty("console.url", "http://localhost:8080");
    private static final Path SHOTS = Path.of(System.getProperty("console.screenshots", "target/screenshots"));

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private Browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("console.chromium", "/usr/bin/chromium"));
        // CI runs as root, where Chromium needs --no-sandbox; zh-CN as a clerk's desktop has it
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--window-size=1440,1000",
                "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("console.chromedriver", "/usr/bin/chromedriver"))
                        .toFile())
                .build();
        driver = new ChromeDriver(service, options);
        // a list or a message re-rendered between finding an element and reading it: look again
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
    }

    /** A fresh browser (no cookies, no Keycloak session) logged in as {@code user}. */
    static Browser loggedInAs(String user, String landing) {
        Browser browser = new Browser();
        try {
            browser.login(user, landing);
            return browser;
        } catch (RuntimeException e) {
            browser.close();
            throw e;
        }
    }

    private void login(String user, String landing) {
        driver.get(BASE + "/");
        css("[data-test=login]:not(.is-loading)").click();
        css("#username").sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.urlContains(landing));
        wait.until(d -> text("[data-test=user]").equals(user));
    }

    void open(String path) {
        driver.get(BASE + path);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    WebElement css(String selector) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(selector)));
    }

    List<WebElement> all(String selector) {
        return driver.findElements(By.cssSelector(selector));
    }

    /** The element named {@code data-test=name}. */
    WebElement test(String name) {
        return css("[data-test=\"" + name + "\"]");
    }

    String text(String selector) {
        return css(selector).getText();
    }

    /** Waits until the element shows the text (a list refreshes, a status changes). */
    void waitForText(String selector, String text) {
        wait.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(selector));
            return !found.isEmpty() && found.get(0).getText().contains(text);
        });
    }

    /** Waits until the element no longer shows the text (a filter applied, a task done). */
    void waitWithout(String selector, String text) {
        wait.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(selector));
            return !found.isEmpty() && !found.get(0).getText().contains(text);
        });
    }

    /** Waits until nothing matches the selector (a banner gone once the page has read the case again). */
    void waitGone(String selector) {
        wait.until(d -> d.findElements(By.cssSelector(selector)).isEmpty());
    }

    void waitForUrl(String suffix) {
        wait.until(d -> d.getCurrentUrl().endsWith(suffix));
    }

    /** Clicks what shows exactly {@code text} inside {@code container}: a radio button, a tab, a row. */
    void clickText(WebElement container, String text) {
        By exact = By.xpath(".//*[normalize-space(.)='" + text + "' and not(*[normalize-space(.)='" + text + "'])]");
        wait.until(d -> !container.findElements(exact).isEmpty());
        container.findElement(exact).click();
    }

    /** The same anywhere on the page, looked up afresh while waiting (the page may still be loading). */
    void clickText(String text) {
        By exact =
                By.xpath("//body//*[normalize-space(.)='" + text + "' and not(*[normalize-space(.)='" + text + "'])]");
        wait.until(ExpectedConditions.elementToBeClickable(exact)).click();
    }

    /** Types into an Element Plus input (its data-test lands on the native input). */
    void type(String name, String value) {
        WebElement input = css("input[data-test=\"" + name + "\"], textarea[data-test=\"" + name + "\"]");
        input.clear();
        // clear() leaves a number input's text in some Chromium versions: select it and delete it
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(value);
    }

    /**
     * Opens an Element Plus select and picks the option of that label (options live in a popper);
     * opens it again if a re-render closed it before the option showed.
     */
    void choose(String name, String label) {
        By option =
                By.xpath("//li[contains(@class,'el-select-dropdown__item') and normalize-space(.)='" + label + "']");
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(TimeoutException.class)
                .until(d -> {
                    if (d.findElements(option).stream().noneMatch(WebElement::isDisplayed)) {
                        test(name).click();
                    }
                    return new WebDriverWait(d, Duration.ofSeconds(3))
                            .until(ExpectedConditions.elementToBeClickable(option));
                })
                .click();
    }

    /** Waits until a case page has read the case and the caller's task on it. */
    void waitForCasePage() {
        css("[data-test=case-page][data-ready=true]");
    }

    /** Waits for the Element Plus message ("已签收", "已暂停计时" …) that says an action was done. */
    void waitForMessage(String text) {
        wait.until(d -> d.findElements(By.cssSelector(".el-message")).stream()
                .anyMatch(m -> m.getText().contains(text)));
    }

    /** A screenshot of the whole page, for the docs (and for a failing test's report). */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SHOTS);
            long height =
                    (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight");
            driver.manage().window().setSize(new Dimension(1440, (int) Math.max(900, height + 140)));
            Thread.sleep(300); // layout after the resize
            Path file = SHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            driver.manage().window().setSize(new Dimension(1440, 1000));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the screenshot " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
