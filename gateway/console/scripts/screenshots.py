#!/usr/bin/python3
"""Screenshots of the console on a running local stack (./infra/stack.sh up), by hand, not in the
build: headless Debian Chromium through Selenium (apt-get install chromium chromium-driver
python3-selenium fonts-noto-cjk). Logs in as fc-clerk through the real Keycloak page, accepts an
EO-1 application (容缺受理), shows a 补正 and prints the receipt view.

    python3 gateway/console/scripts/screenshots.py [out-dir] [base-url]
"""
import sys
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

OUT = Path(sys.argv[1] if len(sys.argv) > 1 else 'docs/console')
BASE = sys.argv[2] if len(sys.argv) > 2 else 'http://localhost:8080'
OUT.mkdir(parents=True, exist_ok=True)

options = webdriver.ChromeOptions()
options.binary_location = '/usr/bin/chromium'
for arg in ('--headless=new', '--no-sandbox', '--disable-gpu', '--window-size=1440,1000', '--lang=zh-CN'):
    options.add_argument(arg)
driver = webdriver.Chrome(service=Service('/usr/bin/chromedriver'), options=options)
wait = WebDriverWait(driver, 30)


def css(selector):
    return wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, selector)))


def field(name):
    """An Element Plus input: its data-test lands on the native <input>."""
    return css(f'input[data-test="{name}"]')


def click_text(container, text):
    """Clicks the element of `container` whose text is `text` (an Element Plus radio button, a row)."""
    xpath = f".//*[normalize-space(.)='{text}' and not(*[normalize-space(.)='{text}'])]"
    wait.until(lambda d: container.find_elements(By.XPATH, xpath))
    container.find_element(By.XPATH, xpath).click()


def shot(name):
    time.sleep(0.6)  # transitions
    # the whole page: the window as tall as the document, then back
    height = driver.execute_script('return document.documentElement.scrollHeight')
    driver.set_window_size(1440, max(900, height + 140))
    time.sleep(0.3)
    driver.save_screenshot(str(OUT / f'{name}.png'))
    driver.set_window_size(1440, 1000)
    print('wrote', OUT / f'{name}.png')


def pick_form(code, label, reference=None):
    row = css(f'[data-test="form-{code}"]')
    click_text(row, label)
    if reference:
        ref = field(f'reference-{code}')
        ref.clear()
        ref.send_keys(reference)


def fill_eo1(name, id_number, owe_core):
    name_field = field('applicant-name')
    name_field.clear()
    name_field.send_keys(name)
    id_field = field('applicant-id')
    id_field.clear()
    id_field.send_keys(id_number)
    pick_form('application-form', '纸质')
    pick_form('articles-of-association', '未提交' if owe_core else '纸质')
    pick_form('legal-representative-id', '电子证照', 'EL-ID-' + id_number)
    pick_form('premises-proof', '告知承诺')
    pick_form('officer-appointment', '未提交')


try:
    started = time.time()
    driver.get(BASE + '/')
    css('[data-test="login"]:not(.is-loading)')
    shot('welcome')
    css('[data-test="login"]').click()
    css('#username')
    shot('login')
    driver.find_element(By.ID, 'username').send_keys('fc-clerk')
    driver.find_element(By.ID, 'password').send_keys('demo')
    driver.find_element(By.ID, 'kc-login').click()
    wait.until(ec.url_contains('/clerk'))
    css('[data-test="matters"] .el-table__row')
    print('logged in and landed on', driver.current_url, f'after {time.time() - started:.1f} s')

    field('matter-search').send_keys('EO-1')
    click_text(css('[data-test="matters"]'), 'EO-1')
    css('[data-test="application-form"]')
    # 补正 first: a core material missing, the one complete list comes back
    fill_eo1('示例商贸有限公司（筹）', '11010519491231002X', owe_core=True)
    css('[data-test="submit"]').click()
    css('[data-test="outcome-RETURNED_FOR_CORRECTION"]')
    shot('clerk-correction')
    # then the articles on paper: 容缺受理 (the non-core appointment documents owed)
    pick_form('articles-of-association', '纸质')
    css('[data-test="submit"]').click()
    number = css('[data-test="case-number"]').text
    print('case', number)
    shot('clerk-accepted')
    css('[data-test="print"]').click()
    css('[data-test="receipt"]')
    shot('receipt')
    driver.refresh()  # a reloaded receipt reads the case from the API
    wait.until(lambda d: number in d.find_element(By.CSS_SELECTOR, '[data-test="receipt"]').text)
    print('reloaded receipt shows', number)
    print(f'done in {time.time() - started:.1f} s')
finally:
    driver.quit()
