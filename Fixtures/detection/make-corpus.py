#!/usr/bin/env python3
"""Writes the labelled detection corpus: Fixtures/detection/cases/** and Fixtures/detection/cases.yaml.

Every value here is made up. Tokens have their service's real shape (prefix, alphabet, length,
checksum where the format has one) but were never issued; passwords are random. The labels are what
a person reviewing the file would mark as a leaked credential, written down with the template that
puts the value into the file, never taken from any scanner's output.

    python3 Fixtures/detection/make-corpus.py        # rewrites cases/ and cases.yaml

Text cases are deterministic (seeded); key material (RSA/EC keys, keystores, OpenSSH keys) comes from
openssl, keytool and ssh-keygen and is kept in keys/ so a rerun does not churn it (delete keys/ to
make new ones). Archives are written by make-archives.sh, which this script calls.
"""
import base64
import hashlib
import json
import os
import random
import shutil
import string
import subprocess
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")
KEYS = os.path.join(HERE, "keys")
R = random.Random(20261125)

LOWER, UPPER, DIGITS = string.ascii_lowercase, string.ascii_uppercase, string.digits
ALNUM = LOWER + UPPER + DIGITS
HEX = "0123456789abcdef"
B64 = ALNUM + "+/"
B64URL = ALNUM + "-_"
B62 = DIGITS + UPPER + LOWER


def rs(alphabet, n):
    return "".join(R.choice(alphabet) for _ in range(n))


def base62(value, width):
    out = ""
    while True:
        out = B62[value % 62] + out
        value //= 62
        if value == 0:
            break
    return out.rjust(width, "0")


def crc_token(prefix):
    """GitHub classic-style and npm tokens: 30 base62 characters, then their CRC32 in 6 base62 digits."""
    body = rs(ALNUM, 30)
    return prefix + body + base62(zlib.crc32(body.encode()), 6)


def mixed(alphabet, n):
    """A random string that has at least one lower, one upper and one digit (as real tokens do)."""
    while True:
        s = rs(alphabet, n)
        if any(c in LOWER for c in s) and any(c in UPPER for c in s) and any(c in DIGITS for c in s):
            return s


# Passwords people and generators write. Unquoted contexts get no shell/YAML/XML specials.
SAFE_SYMBOLS = "!%*-_.@+~^"
WORDS = ["maple", "harbor", "violet", "copper", "falcon", "summit", "orchid", "glacier", "lantern", "meadow",
         "cobalt", "saffron", "tundra", "juniper", "quartz", "ember", "willow", "atlas", "canyon", "pepper"]


def password(style=None, symbols=SAFE_SYMBOLS):
    style = style or R.choice(["random", "random", "human", "phrase", "long"])
    if style == "random":
        n = R.randint(10, 16)
        while True:
            s = rs(ALNUM + symbols, n)
            if sum(c in symbols for c in s) >= 1 and any(c in DIGITS for c in s) and any(c in UPPER for c in s):
                return s
    if style == "human":
        w = R.choice(WORDS)
        return w.capitalize() + R.choice(symbols[:3]) + str(R.randint(1970, 2031)) + R.choice(symbols[:4])
    if style == "phrase":
        return "-".join(R.sample(WORDS, 3)) + "-" + str(R.randint(10, 99))
    return mixed(ALNUM, R.randint(20, 32))


# ------------------------------------------------------------------------------------------------
# The manifest.

manifest = []


def case(path, cls, text, secrets=(), kind=None, note=None, lines=None, binary=False):
    """Writes cases/<path>; each expected secret's line is the first line its value appears on."""
    full = os.path.join(CASES, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    if binary:
        open(full, "wb").write(text)
    else:
        open(full, "w").write(text)
    expect = []
    for s in secrets:
        if isinstance(s, dict):
            expect.append(s)
            continue
        # Every line the value is on is a leak a reviewer marks.
        idx = text.find(s)
        assert idx >= 0, (path, s)
        seen = set()
        while idx >= 0:
            line = text.count("\n", 0, idx) + 1
            if line not in seen:
                seen.add(line)
                e = {"line": line, "secret": s}
                if kind:
                    e["kind"] = kind
                expect.append(e)
            idx = text.find(s, idx + 1)
    entry = {"file": path, "class": cls, "expect": expect}
    if note:
        entry["note"] = note
    manifest.append(entry)


def line_of(text, needle):
    return text.count("\n", 0, text.index(needle)) + 1


counters = {}


def cid(group):
    counters[group] = counters.get(group, 0) + 1
    return f"{group}-{counters[group]:02d}"


# ------------------------------------------------------------------------------------------------
# Plain passwords, anchored on their key, in every syntax (class: password).

def pw_syntaxes():
    """(file name, template with {k} key and {v} value, key style) for the config syntaxes."""
    return [
        (".env", "# local services\nAPP_ENV=production\nDB_HOST=db.internal\nDB_USER=app\n{K}={v}\nDB_NAME=orders\n", "ENV"),
        (".env.production", "NODE_ENV=production\nPORT=8080\nexport {K}=\"{v}\"\nLOG_LEVEL=info\n", "ENV"),
        ("docker-compose.yml", "services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_USER: app\n      {K}: \"{v}\"\n    ports:\n      - \"5432:5432\"\n", "ENV"),
        ("compose.yaml", "services:\n  mysql:\n    image: mysql:8\n    environment:\n      - MYSQL_DATABASE=shop\n      - {K}={v}\n    volumes:\n      - data:/var/lib/mysql\nvolumes:\n  data: {{}}\n", "ENV"),
        ("Dockerfile", "FROM python:3.12-slim\nWORKDIR /app\nENV {K}={v}\nCOPY . .\nRUN pip install -r requirements.txt\nCMD [\"gunicorn\", \"app:app\"]\n", "ENV"),
        ("config/database.yml", "default: &default\n  adapter: postgresql\n  encoding: unicode\n  pool: 5\n\nproduction:\n  <<: *default\n  database: shop_production\n  username: shop\n  {k}: {v}\n  host: db.prod.internal\n", "yaml"),
        ("settings.py", "DATABASES = {{\n    'default': {{\n        'ENGINE': 'django.db.backends.postgresql',\n        'NAME': 'shop',\n        'USER': 'shop',\n        '{K}': '{v}',\n        'HOST': 'db.internal',\n        'PORT': '5432',\n    }}\n}}\n", "DJ"),
        ("src/main/resources/application.properties", "spring.datasource.url=jdbc:postgresql://db:5432/shop\nspring.datasource.username=shop\nspring.datasource.{k}={v}\nspring.jpa.hibernate.ddl-auto=validate\n", "prop"),
        ("src/main/resources/application.yml", "spring:\n  datasource:\n    url: jdbc:mysql://db:3306/shop\n    username: shop\n    {k}: '{v}'\n  jpa:\n    open-in-view: false\n", "yaml"),
        ("terraform.tfvars", "region      = \"eu-west-1\"\ninstance    = \"db.t3.medium\"\n{k} = \"{v}\"\nmulti_az    = true\n", "tf"),
        ("main.tf", "resource \"aws_db_instance\" \"orders\" {{\n  identifier        = \"orders\"\n  engine            = \"postgres\"\n  username          = \"orders\"\n  {k}          = \"{v}\"\n  skip_final_snapshot = true\n}}\n", "tfattr"),
        ("group_vars/all.yml", "---\nmysql_port: 3306\nmysql_user: app\n{k}: \"{v}\"\nmysql_databases:\n  - name: app\n", "ansible"),
        ("host_vars/db1.yml", "ansible_host: 10.20.0.11\nansible_user: deploy\n{k}: {v}\n", "ansible"),
        ("settings.xml", "<settings>\n  <servers>\n    <server>\n      <id>nexus-releases</id>\n      <username>deploy</username>\n      <password>{v}</password>\n    </server>\n  </servers>\n</settings>\n", "fixed"),
        ("wp-config.php", "<?php\ndefine( 'DB_NAME', 'wordpress' );\ndefine( 'DB_USER', 'wp' );\ndefine( '{K}', '{v}' );\ndefine( 'DB_HOST', 'localhost' );\n", "ENV"),
        ("config/database.php", "<?php\nreturn [\n    'mysql' => [\n        'driver' => 'mysql',\n        'host' => '127.0.0.1',\n        'username' => 'forge',\n        '{k}' => '{v}',\n        'charset' => 'utf8mb4',\n    ],\n];\n", "php"),
        ("appsettings.json", "{{\n  \"Logging\": {{ \"LogLevel\": {{ \"Default\": \"Information\" }} }},\n  \"Smtp\": {{\n    \"Host\": \"smtp.office365.com\",\n    \"User\": \"noreply@contoso.test\",\n    \"{C}\": \"{v}\"\n  }}\n}}\n", "Camel"),
        ("config.json", "{{\n  \"db\": {{\n    \"host\": \"localhost\",\n    \"user\": \"api\",\n    \"{k}\": \"{v}\"\n  }}\n}}\n", "json"),
        ("config.toml", "[database]\nhost = \"127.0.0.1\"\nuser = \"svc\"\n{k} = \"{v}\"\nmax_connections = 20\n", "toml"),
        ("app.ini", "[server]\nport = 8080\n\n[database]\nuser = reporting\n{k} = {v}\nname = reports\n", "ini"),
    ]


KEYS_BY_STYLE = {
    "ENV": ["DB_PASSWORD", "POSTGRES_PASSWORD", "MYSQL_ROOT_PASSWORD", "REDIS_PASSWORD", "SMTP_PASS", "ADMIN_PWD",
            "RABBITMQ_DEFAULT_PASS", "LDAP_BIND_PASSWORD", "MAIL_PASSWORD", "KEYCLOAK_ADMIN_PASSWORD"],
    "yaml": ["password", "passwd", "password", "db_password"],
    "DJ": ["PASSWORD"],
    "prop": ["password"],
    "tf": ["db_password", "admin_password", "master_password", "root_pass"],
    "tfattr": ["password"],
    "ansible": ["mysql_root_password", "ansible_become_pass", "ansible_password", "postgresql_admin_password",
                "vault_redis_password"],
    "fixed": ["password"],
    "php": ["password"],
    "Camel": ["Password", "Pass", "SmtpPassword"],
    "json": ["password", "passwd", "dbPassword"],
    "toml": ["password", "pass"],
    "ini": ["password", "pwd", "passwd"],
}


def passwords():
    n = 0
    for fname, tmpl, style in pw_syntaxes():
        for i in range(3):
            k = KEYS_BY_STYLE[style][i % len(KEYS_BY_STYLE[style])]
            v = password(symbols="!%*-_.@+~^" if style not in ("fixed",) else "!%*-_.@+~")
            text = tmpl.format(K=k, k=k, C=k, v=v)
            case(f"password/{cid('syntax')}/{fname}", "password", text, [v], kind="password")
            n += 1
    # One-off syntaxes: shells, CLIs, code, connection strings, service configs.
    singles = [
        ("deploy.sh", "#!/bin/sh\nset -e\nmysql -h db.internal -u root -p{v} shop < schema.sql\n"),
        ("backup.sh", "#!/bin/bash\nexport PGPASSWORD='{v}'\npg_dump -h db -U backup shop > /backups/shop.sql\n"),
        ("healthcheck.sh", "#!/bin/sh\ncurl -fsS -u admin:{v} https://jenkins.internal/api/json > /dev/null\n"),
        ("fetch.sh", "#!/bin/sh\nwget --user=ci --password={v} https://repo.internal/artifacts/app.tar.gz\n"),
        ("sync.sh", "#!/bin/sh\nsshpass -p '{v}' rsync -az ./dist/ deploy@web1:/srv/www/\n"),
        ("remote.bat", "@echo off\npsexec \\\\fileserver -u CORP\\svc_backup -p {v} cmd /c backup.cmd\n"),
        ("release.sh", "#!/bin/sh\ndocker login -u releasebot -p {v} registry.internal:5000\ndocker push registry.internal:5000/app:latest\n"),
        ("migrate.sh", "#!/bin/sh\nflyway -url=jdbc:postgresql://db/app -user=flyway -password={v} migrate\n"),
        ("mongo-restore.sh", "#!/bin/sh\nmongorestore --host mongo1 --username restore --password '{v}' --authenticationDatabase admin dump/\n"),
        ("db.py", "import psycopg2\n\nconn = psycopg2.connect(host=\"db.internal\", dbname=\"shop\", user=\"shop\", password=\"{v}\")\n"),
        ("mailer.py", "import smtplib\n\nserver = smtplib.SMTP_SSL(\"smtp.gmail.com\", 465)\nserver.login(\"alerts@acme-corp.test\", \"{v}\")\n"),
        ("local_settings.py", "EMAIL_HOST = 'smtp.sendgrid.net'\nEMAIL_HOST_USER = 'apikey'\nEMAIL_HOST_PASSWORD = '{v}'\nEMAIL_PORT = 587\n"),
        ("mysql_conn.py", "import MySQLdb\n\ndb = MySQLdb.connect(host=\"localhost\", user=\"report\", passwd=\"{v}\", db=\"sales\")\n"),
        ("db.js", "const {{ Pool }} = require('pg');\n\nconst pool = new Pool({{\n  host: 'db.internal',\n  user: 'api',\n  password: '{v}',\n  database: 'api',\n}});\n"),
        ("redis.js", "const redis = require('redis');\nconst client = redis.createClient({{ url: 'redis://cache:6379', password: \"{v}\" }});\n"),
        ("config/initializers/mail.rb", "ActionMailer::Base.smtp_settings = {{\n  address: 'smtp.mailgun.org',\n  user_name: 'postmaster@mg.acme.test',\n  password: '{v}',\n  authentication: :plain\n}}\n"),
        ("main.go", "package main\n\nfunc dsn() mysql.Config {{\n\treturn mysql.Config{{\n\t\tUser:   \"api\",\n\t\tPasswd: \"{v}\",\n\t\tNet:    \"tcp\",\n\t\tAddr:   \"db:3306\",\n\t}}\n}}\n"),
        ("Db.java", "import java.sql.*;\n\nclass Db {{\n    static Connection open() throws SQLException {{\n        return DriverManager.getConnection(\"jdbc:mysql://db/shop\", \"shop\", \"{v}\");\n    }}\n}}\n"),
        ("DataSourceConfig.java", "class DataSourceConfig {{\n    DataSource dataSource() {{\n        HikariDataSource ds = new HikariDataSource();\n        ds.setUsername(\"shop\");\n        ds.setPassword(\"{v}\");\n        return ds;\n    }}\n}}\n"),
        ("Program.cs", "var builder = WebApplication.CreateBuilder(args);\nvar conn = \"Server=sql01;Database=Billing;User Id=billing;Password={v};TrustServerCertificate=True\";\n"),
        ("odbc.ini", "[reporting]\nDriver=PostgreSQL Unicode\nServername=pg.internal\nDatabase=reports\nUID=report\nPWD={v}\n"),
        ("Web.config", "<configuration>\n  <appSettings>\n    <add key=\"DbUser\" value=\"svc_web\" />\n    <add key=\"DbPassword\" value=\"{v}\" />\n  </appSettings>\n</configuration>\n"),
        ("context.xml", "<Context>\n  <Resource name=\"jdbc/shop\" auth=\"Container\" type=\"javax.sql.DataSource\"\n            username=\"shop\" password=\"{v}\"\n            driverClassName=\"org.postgresql.Driver\" url=\"jdbc:postgresql://db/shop\"/>\n</Context>\n"),
        (".my.cnf", "[client]\nuser=root\npassword={v}\nhost=127.0.0.1\n"),
        (".pgpass", "db.internal:5432:shop:shop:{v}\n"),
        ("redis.conf", "bind 0.0.0.0\nport 6379\nrequirepass {v}\nappendonly yes\n"),
        ("redis-replica.conf", "replicaof redis-primary 6379\nmasterauth {v}\n"),
        ("rabbitmq.conf", "listeners.tcp.default = 5672\ndefault_user = admin\ndefault_pass = {v}\n"),
        ("grafana.ini", "[security]\nadmin_user = admin\nadmin_password = {v}\n"),
        ("values.yaml", "postgresql:\n  auth:\n    username: keycloak\n    password: \"{v}\"\n    database: keycloak\n"),
        ("hosts.ini", "[db]\ndb1.internal ansible_user=admin ansible_password={v}\n"),
        ("Vagrantfile", "Vagrant.configure(\"2\") do |config|\n  config.vm.box = \"ubuntu/jammy64\"\n  config.ssh.username = \"vagrant\"\n  config.ssh.password = \"{v}\"\nend\n"),
        ("k8s/secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\nstringData:\n  username: app\n  password: \"{v}\"\n"),
        (".github/workflows/test.yml", "jobs:\n  test:\n    runs-on: ubuntu-latest\n    env:\n      DATABASE_PASSWORD: {v}\n    steps:\n      - uses: actions/checkout@v4\n"),
        ("flyway.conf", "flyway.url=jdbc:postgresql://db:5432/app\nflyway.user=flyway\nflyway.password={v}\n"),
        ("liquibase.properties", "url: jdbc:oracle:thin:@db:1521/ORCL\nusername: LB\npassword: {v}\n"),
        ("hibernate.cfg.xml", "<hibernate-configuration>\n  <session-factory>\n    <property name=\"hibernate.connection.username\">shop</property>\n    <property name=\"hibernate.connection.password\">{v}</property>\n  </session-factory>\n</hibernate-configuration>\n"),
        ("jenkins.yaml", "jenkins:\n  securityRealm:\n    local:\n      users:\n        - id: admin\n          password: \"{v}\"\n"),
        ("fstab", "//nas/backup /mnt/backup cifs username=backup,password={v},uid=1000 0 0\n"),
        ("sssd.conf", "[domain/corp]\nldap_uri = ldaps://ldap.corp.internal\nldap_default_bind_dn = cn=sssd,ou=svc,dc=corp\nldap_default_authtok = {v}\n"),
        ("keystore.properties", "storeFile=release.jks\nkeyAlias=upload\nstorePassword={v}\nkeyPassword={v}\n"),
        ("mail.properties", "mail.smtp.host=smtp.acme.test\nmail.smtp.user=noreply\nmail.smtp.password={v}\n"),
        ("ssh-tunnel.yml", "tunnel:\n  host: bastion.acme.test\n  user: ops\n  passphrase: {v}\n"),
        ("libpq.go", "package store\n\nconst dsn = \"host=db user=orders password={v} dbname=orders sslmode=disable\"\n"),
        (".envrc", "export DATABASE_PASS={v}\nexport DATABASE_HOST=localhost\n"),
        ("secrets.auto.tfvars", "proxmox_password = \"{v}\"\n"),
        ("application-prod.properties", "spring.rabbitmq.host=mq\nspring.rabbitmq.username=orders\nspring.rabbitmq.password={v}\n"),
        ("settings.ini", "[db]\nDB_USER=app\nDB_PWD={v}\n"),
        ("ldap.yml", "ldap:\n  url: ldaps://ldap.acme.test\n  bind_dn: cn=gitlab,ou=svc,dc=acme\n  bind_password: '{v}'\n"),
    ]
    for fname, tmpl in singles:
        v = password(symbols="!%*-_.@+~")
        text = tmpl.format(v=v)
        case(f"password/{cid('oneoff')}/{fname}", "password", text, [v], kind="password")
        n += 1
    # .netrc already has its own rule today: still a password.
    v = password(symbols="!%*-_.@+~")
    case(f"password/{cid('oneoff')}/.netrc", "password", f"machine api.heroku.com\n  login ops@acme.test\n  password {v}\n", [v],
         kind="password")
    return n


# ------------------------------------------------------------------------------------------------
# Service tokens. "token": services tokenwarden has rules for on main when the corpus was written;
# "token-longtail": services from issue 13 §7 and the peers' configs that it had no rule for.

def aws_pair():
    return "AKIA" + rs("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16), rs(B64, 40)


def tokens():
    T = []  # (service, value, context lines with {t})
    gh = lambda p: crc_token(p)
    T += [("github", gh("ghp_"), "export GITHUB_TOKEN={t}\n")]
    T += [("github", gh("ghp_"), "git remote set-url origin https://x-access-token:{t}@github.com/acme/api.git\n")]
    T += [("github", gh("gho_"), "{{\"access_token\": \"{t}\", \"token_type\": \"bearer\"}}\n")]
    T += [("github", gh("ghu_"), "GH_TOKEN=\"{t}\"\n")]
    T += [("github", gh("ghs_"), "      - run: gh release upload v1.2.0 dist/* \n        env:\n          GH_TOKEN: {t}\n")]
    T += [("github", gh("ghr_"), "refresh_token: {t}\n")]
    T += [("github", "github_pat_11" + rs(UPPER + DIGITS, 20) + "_" + mixed(ALNUM, 59), "//registry: https://npm.pkg.github.com\ntoken = \"{t}\"\n")]
    T += [("github", "github_pat_11" + rs(UPPER + DIGITS, 20) + "_" + mixed(ALNUM, 59), "GITHUB_PAT={t}\n")]
    T += [("gitlab", "glpat-" + mixed(B64URL, 20), "GITLAB_TOKEN={t}\n")]
    T += [("gitlab", "glpat-" + mixed(B64URL, 20), "git clone https://oauth2:{t}@gitlab.com/acme/infra.git\n")]
    T += [("gitlab", "glrt-" + mixed(B64URL, 20), "[[runners]]\n  name = \"docker\"\n  url = \"https://gitlab.com\"\n  token = \"{t}\"\n")]
    T += [("gitlab", "gldt-" + mixed(B64URL, 20), "DEPLOY_TOKEN={t}\n")]
    T += [("gitlab", "glptt-" + rs(HEX, 40), "curl -X POST -F token={t} -F ref=main https://gitlab.com/api/v4/projects/42/trigger/pipeline\n")]
    for _ in range(2):
        k, s = aws_pair()
        T += [("aws", (k, s), "[default]\naws_access_key_id = {t0}\naws_secret_access_key = {t1}\nregion = eu-central-1\n")]
    k, s = aws_pair()
    T += [("aws", (k, s), "AWS_ACCESS_KEY_ID={t0}\nAWS_SECRET_ACCESS_KEY={t1}\n")]
    T += [("aws", "AKIA" + rs("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16), "s3 = boto3.client('s3', aws_access_key_id='{t}')\n")]
    T += [("slack", f"xoxb-{rs(DIGITS, 12)}-{rs(DIGITS, 13)}-{mixed(ALNUM, 24)}", "SLACK_BOT_TOKEN={t}\n")]
    T += [("slack", f"xoxp-{rs(DIGITS, 12)}-{rs(DIGITS, 12)}-{rs(DIGITS, 13)}-{rs(HEX, 32)}", "slack:\n  user_token: {t}\n")]
    T += [("slack", f"https://hooks.slack.com/services/T{rs(UPPER + DIGITS, 8)}/B{rs(UPPER + DIGITS, 10)}/{mixed(ALNUM, 24)}", "SLACK_WEBHOOK_URL={t}\n")]
    T += [("slack", f"xapp-1-A{rs(UPPER + DIGITS, 10)}-{rs(DIGITS, 13)}-{rs(HEX, 64)}", "SLACK_APP_TOKEN={t}\n")]
    T += [("stripe", "sk_live_" + mixed(ALNUM, 99), "STRIPE_SECRET_KEY={t}\n")]
    T += [("stripe", "rk_live_" + mixed(ALNUM, 99), "stripe.api_key = \"{t}\"\n")]
    T += [("stripe", "whsec_" + mixed(ALNUM, 32), "STRIPE_WEBHOOK_SECRET={t}\n")]
    T += [("openai", "sk-proj-" + mixed(B64URL, 74) + "T3BlbkFJ" + mixed(B64URL, 74), "OPENAI_API_KEY={t}\n")]
    T += [("openai", "sk-" + mixed(ALNUM, 20) + "T3BlbkFJ" + mixed(ALNUM, 20), "openai.api_key = \"{t}\"\n")]
    T += [("anthropic", "sk-ant-api03-" + mixed(B64URL, 93) + "AA", "ANTHROPIC_API_KEY={t}\n")]
    T += [("huggingface", "hf_" + rs(LOWER + UPPER, 34), "HF_TOKEN={t}\n")]
    T += [("gcp", "AIza" + mixed(B64URL, 35), "const firebaseAdminKey = \"{t}\";\n")]
    T += [("sendgrid", "SG." + mixed(B64URL, 22) + "." + mixed(B64URL, 43), "SENDGRID_API_KEY={t}\n")]
    # The SK... SID is an identifier; the secret is the API key secret beside it.
    T += [("twilio", mixed(ALNUM, 32), "TWILIO_API_KEY=SK" + rs(HEX, 32) + "\nTWILIO_API_SECRET={t}\n")]
    T += [("twilio", rs(HEX, 32), "TWILIO_ACCOUNT_SID=AC" + rs(HEX, 32) + "\nTWILIO_AUTH_TOKEN={t}\n")]
    T += [("npm", crc_token("npm_"), "//registry.npmjs.org/:_authToken={t}\n")]
    T += [("pypi", "pypi-AgEIcHlwaS5vcmc" + mixed(B64URL, 120), "[pypi]\n  username = __token__\n  password = {t}\n")]
    T += [("discord", "M" + mixed(ALNUM, 25) + "." + mixed(B64URL, 6) + "." + mixed(B64URL, 38), "DISCORD_BOT_TOKEN={t}\n")]
    T += [("discord", f"https://discord.com/api/webhooks/{rs(DIGITS, 18)}/{mixed(B64URL, 68)}", "webhook_url = \"{t}\"\n")]
    T += [("telegram", f"{R.randint(10**8, 10**10 - 1)}:AA{mixed(B64URL, 33)}", "TELEGRAM_BOT_TOKEN={t}\n")]
    T += [("shopify", "shpat_" + rs(HEX, 32), "SHOPIFY_ACCESS_TOKEN={t}\n")]
    T += [("digitalocean", "dop_v1_" + rs(HEX, 64), "DIGITALOCEAN_TOKEN={t}\n")]
    T += [("mailgun", "key-" + rs(HEX, 32), "MAILGUN_API_KEY={t}\n")]
    T += [("mailchimp", rs(HEX, 32) + "-us" + str(R.randint(1, 21)), "MAILCHIMP_API_KEY={t}\n")]
    T += [("heroku", "HRKU-AA" + mixed(B64URL, 58), "HEROKU_API_KEY={t}\n")]
    T += [("databricks", "dapi" + rs(HEX, 32), "DATABRICKS_TOKEN={t}\n")]
    T += [("doppler", "dp.pt." + mixed(ALNUM, 43), "DOPPLER_TOKEN={t}\n")]
    T += [("postman", "PMAK-" + rs(HEX, 24) + "-" + rs(HEX, 34), "POSTMAN_API_KEY={t}\n")]
    T += [("linear", "lin_api_" + mixed(ALNUM, 40), "LINEAR_API_KEY={t}\n")]
    T += [("notion", "ntn_" + rs(DIGITS, 11) + mixed(ALNUM, 35), "NOTION_TOKEN={t}\n")]
    T += [("airtable", "pat" + mixed(ALNUM, 14) + "." + rs(HEX, 64), "AIRTABLE_TOKEN={t}\n")]
    T += [("figma", "figd_" + mixed(B64URL, 40), "FIGMA_TOKEN={t}\n")]
    T += [("sentry", "sntryu_" + rs(HEX, 64), "SENTRY_AUTH_TOKEN={t}\n")]
    T += [("grafana", "glsa_" + mixed(ALNUM, 32) + "_" + rs(HEX, 8), "GRAFANA_TOKEN={t}\n")]
    T += [("newrelic", "NRAK-" + rs(UPPER + DIGITS, 27), "NEW_RELIC_API_KEY={t}\n")]
    T += [("vault", "hvs." + mixed(B64URL, 90), "VAULT_TOKEN={t}\n")]
    T += [("terraform-cloud", mixed(ALNUM, 14) + ".atlasv1." + mixed(ALNUM, 67), "credentials \"app.terraform.io\" {{\n  token = \"{t}\"\n}}\n")]
    T += [("pulumi", "pul-" + rs(HEX, 40), "PULUMI_ACCESS_TOKEN={t}\n")]
    T += [("netlify", "nfp_" + mixed(ALNUM, 36), "NETLIFY_AUTH_TOKEN={t}\n")]
    T += [("supabase", "sbp_" + rs(HEX, 40), "SUPABASE_ACCESS_TOKEN={t}\n")]
    T += [("sonarqube", "squ_" + rs(HEX, 40), "sonar.token={t}\n")]
    T += [("buildkite", "bkua_" + rs(HEX, 40), "BUILDKITE_API_TOKEN={t}\n")]
    T += [("rubygems", "rubygems_" + rs(HEX, 48), "---\n:rubygems_api_key: {t}\n")]
    T += [("age", "AGE-SECRET-KEY-1" + rs("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58), "# created: 2026-01-04T10:00:00Z\n# public key: age1" + rs("qpzry9x8gf2tvdw0s3jn54khce6mua7l", 58) + "\n{t}\n")]
    T += [("shopify", "shpss_" + rs(HEX, 32), "SHOPIFY_SHARED_SECRET={t}\n")]
    T += [("groq", "gsk_" + mixed(ALNUM, 52), "GROQ_API_KEY={t}\n")]
    T += [("replicate", "r8_" + mixed(ALNUM, 37), "REPLICATE_API_TOKEN={t}\n")]
    T += [("jwt", None, None)]  # filled below
    T += [("dockerhub", "dckr_pat_" + mixed(B64URL, 27), "echo {t} | docker login -u acmebot --password-stdin\n")]
    T += [("square", "EAAA" + mixed(B64URL, 60), "SQUARE_ACCESS_TOKEN={t}\n")]
    T += [("cratesio", "cio" + mixed(ALNUM, 32), "[registry]\ntoken = \"{t}\"\n")]
    T += [("nuget", "oy2" + rs(LOWER + DIGITS, 43), "dotnet nuget push pkg.nupkg --api-key {t} --source https://api.nuget.org/v3/index.json\n")]
    T += [("azure", b64(bytes(R.getrandbits(8) for _ in range(64))), "DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey={t};EndpointSuffix=core.windows.net\n")]
    T += [("xai", "xai-" + mixed(ALNUM, 80), "XAI_API_KEY={t}\n")]
    T += [("perplexity", "pplx-" + mixed(ALNUM, 48), "PERPLEXITY_API_KEY={t}\n")]
    T += [("langsmith", "lsv2_pt_" + rs(HEX, 32) + "_" + rs(HEX, 10), "LANGSMITH_API_KEY={t}\n")]
    T += [("zenodo", mixed(ALNUM, 60), "export ZENODO_TOKEN={t}\n")]
    T += [("anaconda", "an-" + "-".join(rs(HEX, n) for n in (8, 4, 4, 4, 12)), "export ANACONDA_API_TOKEN={t}\n")]
    fnames = [".env", "config.yml", "settings.ini", "deploy.sh", "ci.env", ".envrc"]
    n = 0
    for service, value, tmpl in T:
        if service == "jwt":
            hdr = base64.urlsafe_b64encode(b'{"alg":"HS256","typ":"JWT"}').decode().rstrip("=")
            body = base64.urlsafe_b64encode(json.dumps({"sub": rs(DIGITS, 8), "role": "service_role", "iat": 1767225600}).encode()).decode().rstrip("=")
            value = f"{hdr}.{body}.{mixed(B64URL, 43)}"
            tmpl = "SUPABASE_SERVICE_ROLE_KEY={t}\n"
        fname = R.choice(fnames) if tmpl.startswith(("export", "[", "{")) is False else "config.txt"
        if tmpl.startswith("[default]"):
            fname = "credentials"
        elif tmpl.startswith("[pypi]"):
            fname = ".pypirc"
        elif tmpl.startswith("//registry.npmjs"):
            fname = ".npmrc"
        elif tmpl.startswith("[[runners]]"):
            fname = "config.toml"
        elif tmpl.startswith("credentials"):
            fname = ".terraformrc"
        elif tmpl.startswith("[registry]"):
            fname = "credentials.toml"
        elif tmpl.startswith("---\n:rubygems"):
            fname = "credentials"
        elif tmpl.startswith("# created"):
            fname = "key.txt"
        elif tmpl.startswith(("export", "git ", "curl", "echo", "dotnet")):
            fname = "setup.sh"
        elif tmpl.startswith("{\"access"):
            fname = "token.json"
        elif "stripe.api_key" in tmpl or "openai.api_key" in tmpl or "boto3" in tmpl or "webhook_url" in tmpl:
            fname = "settings.py"
        elif tmpl.startswith("const"):
            fname = "admin.js"
        elif tmpl.startswith("DefaultEndpoints"):
            fname = "storage.conn"
        elif tmpl.startswith("sonar."):
            fname = "sonar-project.properties"
        elif tmpl.startswith("      - run"):
            fname = "release.yml"
        elif ":" in tmpl.split("\n")[0] and "=" not in tmpl.split("\n")[0]:
            fname = "config.yml"
        else:
            fname = ".env"
        if isinstance(value, tuple):
            text = tmpl.format(t0=value[0], t1=value[1])
            secrets = list(value)
        else:
            text = tmpl.format(t=value)
            secrets = [value]
        case(f"token/{service}-{cid('token-' + service)[-2:]}/{fname}", "token", text, secrets, kind="token")
        n += 1
    return n


def longtail():
    L = [
        ("mapbox", "sk.eyJ1Ijoi" + mixed(B64URL, 50) + "." + mixed(B64URL, 22), "MAPBOX_SECRET_TOKEN={t}\n"),
        ("sourcegraph", "sgp_" + rs(HEX, 16) + "_" + rs(HEX, 40), "SRC_ACCESS_TOKEN={t}\n"),
        ("salesforce", "00D" + rs(ALNUM, 12) + "!" + mixed(ALNUM + ".", 96), "SF_ACCESS_TOKEN={t}\n"),
        ("pagerduty", "u+" + mixed(B64URL, 18), "PAGERDUTY_TOKEN={t}\n"),
        ("dynatrace", "dt0c01." + rs(UPPER + DIGITS, 24) + "." + rs(UPPER + DIGITS, 64), "DT_API_TOKEN={t}\n"),
        ("confluent", rs(UPPER + DIGITS, 16), "CONFLUENT_CLOUD_API_KEY={t}\nCONFLUENT_CLOUD_API_SECRET=" + mixed(B64, 64) + "\n"),
        ("twitch", rs(LOWER + DIGITS, 30), "TWITCH_CLIENT_SECRET={t}\n"),
        ("asana", "2/" + rs(DIGITS, 16) + "/" + rs(DIGITS, 16) + ":" + rs(HEX, 32), "ASANA_PAT={t}\n"),
        ("adafruit", "aio_" + mixed(ALNUM, 28), "ADAFRUIT_IO_KEY={t}\n"),
        ("clojars", "CLOJARS_" + rs(LOWER + DIGITS, 60), "CLOJARS_DEPLOY_TOKEN={t}\n"),
        ("cloudinary", f"cloudinary://{rs(DIGITS, 15)}:{mixed(B64URL, 27)}@acme-media", "CLOUDINARY_URL={t}\n"),
        ("duffel", "duffel_live_" + mixed(B64URL, 43), "DUFFEL_ACCESS_TOKEN={t}\n"),
        ("easypost", "EZAK" + rs(HEX, 54), "EASYPOST_API_KEY={t}\n"),
        ("flutterwave", "FLWSECK-" + rs(HEX, 32) + "-X", "FLW_SECRET_KEY={t}\n"),
        ("gocardless", "live_" + mixed(B64URL, 40), "GOCARDLESS_ACCESS_TOKEN={t}\n"),
        ("harness", "pat." + mixed(B64URL, 22) + "." + rs(HEX, 24) + "." + mixed(ALNUM, 20), "HARNESS_API_KEY={t}\n"),
        ("hubspot", "pat-na1-" + "-".join(rs(HEX, n) for n in (8, 4, 4, 4, 12)), "HUBSPOT_ACCESS_TOKEN={t}\n"),
        ("infracost", "ico-" + mixed(ALNUM, 32), "INFRACOST_API_KEY={t}\n"),
        ("lob", "live_" + rs(HEX, 35), "LOB_API_KEY={t}\n"),
        ("octopus", "API-" + rs(UPPER + DIGITS, 26), "OCTOPUS_API_KEY={t}\n"),
        ("plaid", "access-production-" + "-".join(rs(HEX, n) for n in (8, 4, 4, 4, 12)), "PLAID_ACCESS_TOKEN={t}\n"),
        ("prefect", "pnu_" + mixed(ALNUM, 36), "PREFECT_API_KEY={t}\n"),
        ("readme", "rdme_" + rs(LOWER + DIGITS, 70), "README_API_KEY={t}\n"),
        ("scalingo", "tk-us-" + mixed(B64URL, 48), "SCALINGO_API_TOKEN={t}\n"),
        ("brevo", "xkeysib-" + rs(HEX, 64) + "-" + mixed(ALNUM, 16), "BREVO_API_KEY={t}\n"),
        ("shippo", "shippo_live_" + rs(HEX, 40), "SHIPPO_API_TOKEN={t}\n"),
        ("typeform", "tfp_" + mixed(B64URL, 44) + "_" + mixed(ALNUM, 14), "TYPEFORM_TOKEN={t}\n"),
        ("tailscale", "tskey-auth-k" + mixed(ALNUM, 16) + "-" + mixed(ALNUM, 32), "TS_AUTHKEY={t}\n"),
        ("launchdarkly", "api-" + "-".join(rs(HEX, n) for n in (8, 4, 4, 4, 12)), "LAUNCHDARKLY_ACCESS_TOKEN={t}\n"),
        ("fastly", mixed(B64URL, 32), "FASTLY_API_TOKEN={t}\n"),
        ("rollbar", rs(HEX, 32), "ROLLBAR_ACCESS_TOKEN={t}\n"),
        ("ngrok", "2" + mixed(ALNUM, 26) + "_" + mixed(ALNUM, 21), "NGROK_AUTHTOKEN={t}\n"),
        ("tencent", "AKID" + mixed(ALNUM, 32), "TENCENTCLOUD_SECRET_ID={t}\n"),
        ("yandex", "AQVN" + mixed(B64URL, 36), "YC_API_KEY={t}\n"),
        ("mattermost", rs(LOWER + DIGITS, 26), "MATTERMOST_ACCESS_TOKEN={t}\n"),
        ("beamer", "b_" + mixed(B64URL + "=", 44), "BEAMER_API_KEY={t}\n"),
        ("mailjet", rs(HEX, 32), "MJ_APIKEY_PRIVATE={t}\n"),
        ("algolia", rs(HEX, 32), "ALGOLIA_ADMIN_API_KEY={t}\n"),
        ("zendesk", mixed(ALNUM, 40), "ZENDESK_API_TOKEN={t}\n"),
        ("okta-client", mixed(B64URL, 40), "OKTA_CLIENT_SECRET={t}\n"),
        ("snowflake", password(), "SNOWFLAKE_PASSWORD={t}\n"),
        ("pusher", rs(HEX, 20), "PUSHER_APP_SECRET={t}\n"),
        ("artifactory", "AKCp" + mixed(ALNUM, 69), "ARTIFACTORY_API_KEY={t}\n"),
        ("settlemint", "sm_pat_" + mixed(ALNUM, 16), "SETTLEMINT_ACCESS_TOKEN={t}\n"),
        ("frameio-dev", "fio-u-" + mixed(B64URL, 64), "FRAMEIO_TOKEN={t}\n"),
        ("contentstack", "cs" + rs(HEX, 32), "CONTENTSTACK_MANAGEMENT_TOKEN={t}\n"),
        ("openrouter", "sk-or-v1-" + rs(HEX, 64), "OPENROUTER_API_KEY={t}\n"),
        ("sumologic", "su" + mixed(ALNUM, 12), "SUMO_ACCESS_ID={t}\nSUMO_ACCESS_KEY=" + mixed(ALNUM, 64) + "\n"),
    ]
    for service, value, tmpl in L:
        text = tmpl.format(t=value)
        secrets = [value]
        if service in ("confluent", "sumologic"):
            secrets.append(text.split("\n")[1].split("=", 1)[1])
        case(f"token-longtail/{service}/.env", "token-longtail", text, secrets, kind="token")
    return len(L)


def connection_strings():
    C = [
        ("database.env", "DATABASE_URL=postgres://orders:{p}@db.prod.acme.test:5432/orders\n"),
        ("config.yml", "mongo:\n  uri: mongodb+srv://analytics:{p}@cluster0.a1b2c.mongodb.net/events?retryWrites=true\n"),
        ("settings.py", "CELERY_BROKER_URL = \"amqp://celery:{p}@rabbit.internal:5672/prod\"\n"),
        (".env", "REDIS_URL=redis://default:{p}@cache.acme.test:6379/0\n"),
        ("app.properties", "db.url=mysql://reporting:{p}@mysql.internal:3306/reports\n"),
        ("pip.conf", "[global]\nindex-url = https://ci:{p}@pypi.acme.test/simple\n"),
        ("application.properties", "spring.datasource.url=jdbc:sqlserver://sql01:1433;databaseName=billing;user=billing;password={p}\n"),
        ("appsettings.json", "{{\n  \"ConnectionStrings\": {{\n    \"Default\": \"Data Source=sql01;Initial Catalog=Crm;User ID=crm;Password={p}\"\n  }}\n}}\n"),
        ("docker-compose.yml", "services:\n  api:\n    environment:\n      DATABASE_URL: postgresql://api:{p}@postgres:5432/api\n"),
        ("sync.sh", "#!/bin/sh\ngit clone https://deploy:{p}@git.acme.test/ops/infra.git\n"),
        ("config.js", "module.exports = {{ mongoUrl: 'mongodb://app:{p}@mongo1:27017,mongo2:27017/app?replicaSet=rs0' }};\n"),
        ("alembic.ini", "[alembic]\nsqlalchemy.url = postgresql+psycopg2://alembic:{p}@db/app\n"),
        ("jdbc.properties", "jdbc.url=jdbc:postgresql://pg.internal:5432/shop?user=shop&password={p}\n"),
        ("settings.yml", "ftp:\n  url: ftp://uploader:{p}@ftp.partner.test/incoming\n"),
        ("smtp.env", "EMAIL_URL=smtp://mailer:{p}@smtp.acme.test:587\n"),
    ]
    for fname, tmpl in C:
        p = password(symbols="-_.~!*")
        case(f"connection-string/{cid('conn')}/{fname}", "connection-string", tmpl.format(p=p), [p], kind="password")
    return len(C)


# ------------------------------------------------------------------------------------------------
# Password hashes (class: password-hash).

CRYPT64 = "./" + DIGITS + UPPER + LOWER


def hashes():
    users = ["alice", "bob", "deploy", "admin", "jenkins", "backup", "www-data", "grafana", "svc", "ops"]
    H = []
    for i in range(4):
        H.append(("apr1", f"$apr1${rs(CRYPT64, 8)}${rs(CRYPT64, 22)}"))
    for i in range(4):
        H.append(("bcrypt", f"$2y$10${rs(CRYPT64, 53)}"))
    for i in range(2):
        H.append(("sha", "{SHA}" + base64.b64encode(hashlib.sha1(rs(ALNUM, 12).encode()).digest()).decode()))
    for user, h in zip(users, H):
        pass
    n = 0
    # htpasswd files: one to three entries each.
    for i in range(0, len(H), 2):
        entries = H[i:i + 2]
        lines = [f"{users[(i + j) % len(users)]}:{h}" for j, (_, h) in enumerate(entries)]
        text = "\n".join(lines) + "\n"
        case(f"password-hash/{cid('htpasswd')}/.htpasswd", "password-hash", text, [h for _, h in entries], kind="password-hash")
        n += 1
    # nginx basic auth file with an unusual name.
    h = f"$apr1${rs(CRYPT64, 8)}${rs(CRYPT64, 22)}"
    case(f"password-hash/{cid('htpasswd')}/nginx/conf.d/admin.htpasswd", "password-hash", f"admin:{h}\n", [h], kind="password-hash")
    # /etc/shadow lines: MD5, SHA-256, SHA-512, yescrypt.
    shadow_kinds = [
        lambda: f"$1${rs(CRYPT64, 8)}${rs(CRYPT64, 22)}",
        lambda: f"$5${rs(CRYPT64, 16)}${rs(CRYPT64, 43)}",
        lambda: f"$6${rs(CRYPT64, 16)}${rs(CRYPT64, 86)}",
        lambda: f"$6$rounds=656000${rs(CRYPT64, 16)}${rs(CRYPT64, 86)}",
        lambda: f"$y$j9T${rs(CRYPT64, 22)}${rs(CRYPT64, 43)}",
    ]
    for i, mk in enumerate(shadow_kinds * 2):
        h = mk()
        user = users[i % len(users)]
        text = ("root:*:19700:0:99999:7:::\ndaemon:*:19700:0:99999:7:::\n"
                f"{user}:{h}:19723:0:99999:7:::\nnobody:*:19700:0:99999:7:::\n")
        fname = "shadow" if i % 2 == 0 else "etc/shadow"
        case(f"password-hash/{cid('shadow')}/{fname}", "password-hash", text, [h], kind="password-hash")
        n += 1
    # Hashes in provisioning files.
    h = f"$6${rs(CRYPT64, 16)}${rs(CRYPT64, 86)}"
    case(f"password-hash/{cid('provision')}/user-data", "password-hash",
         f"#cloud-config\nusers:\n  - name: ops\n    passwd: {h}\n    lock_passwd: false\n", [h], kind="password-hash")
    h = f"$6${rs(CRYPT64, 16)}${rs(CRYPT64, 86)}"
    case(f"password-hash/{cid('provision')}/users.yml", "password-hash",
         f"- name: create deploy user\n  ansible.builtin.user:\n    name: deploy\n    password: \"{h}\"\n", [h], kind="password-hash")
    h = f"$2b$12${rs(CRYPT64, 53)}"
    case(f"password-hash/{cid('provision')}/seed.sql", "password-hash",
         f"INSERT INTO users (email, password_hash) VALUES ('admin@acme.test', '{h}');\n", [h], kind="password-hash")
    h = f"$5${rs(CRYPT64, 16)}${rs(CRYPT64, 43)}"
    case(f"password-hash/{cid('provision')}/preseed.cfg", "password-hash",
         f"d-i passwd/user-fullname string Ops\nd-i passwd/username string ops\nd-i passwd/user-password-crypted password {h}\n", [h], kind="password-hash")
    return n + 4


# ------------------------------------------------------------------------------------------------
# Encoded secrets (classes: decoded-base64, decoded-hex, decoded-percent, decoded-escape, k8s-secret, docker-auth).

def b64(s, urlsafe=False):
    raw = s.encode() if isinstance(s, str) else s
    return (base64.urlsafe_b64encode(raw) if urlsafe else base64.b64encode(raw)).decode()


def encoded():
    n = 0
    # A token inside a base64 blob: whole .env files, single values, URL-safe.
    for i in range(6):
        t = crc_token("ghp_") if i % 2 == 0 else "glpat-" + mixed(B64URL, 20)
        inner = f"GITHUB_TOKEN={t}\n" if i % 2 == 0 else f"GITLAB_TOKEN={t}\n"
        blob = b64(("APP_ENV=prod\n" + inner + "LOG=info\n"), urlsafe=(i == 4))
        text = f"# deploy bundle (base64 .env)\nENV_BUNDLE={blob}\n"
        case(f"decoded-base64/{cid('b64')}/deploy.env", "decoded-base64", text, [{"line": 2, "kind": "token", "decoded": t}])
        n += 1
    for i in range(4):
        k, s = aws_pair()
        blob = b64(f"[default]\naws_access_key_id = {k}\naws_secret_access_key = {s}\n")
        text = f"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws\ndata:\n  credentials.b64: {blob}\n"
        case(f"decoded-base64/{cid('b64')}/configmap.yaml", "decoded-base64", text, [{"line": 6, "kind": "token", "decoded": k}])
        n += 1
    for i in range(3):
        t = "xoxb-" + rs(DIGITS, 12) + "-" + rs(DIGITS, 13) + "-" + mixed(ALNUM, 24)
        blob = b64(json.dumps({"slack": {"token": t}}))
        text = f"const cfg = JSON.parse(atob(\"{blob}\"));\n"
        case(f"decoded-base64/{cid('b64')}/boot.js", "decoded-base64", text, [{"line": 1, "kind": "token", "decoded": t}])
        n += 1
    # Double-encoded (base64 of base64).
    t = "sk_live_" + mixed(ALNUM, 99)
    blob = b64(b64(f"STRIPE_SECRET_KEY={t}\n"))
    case(f"decoded-base64/{cid('b64')}/payload.txt", "decoded-base64", f"payload: {blob}\n", [{"line": 1, "kind": "token", "decoded": t}])
    n += 1
    # Kubernetes Secrets: data values are base64 of the raw secret.
    for i in range(6):
        if i < 3:
            raw = password()
            key, kind = ["password", "DB_PASSWORD", "redis-password"][i], "password"
        else:
            raw = [crc_token("ghp_"), "sk_live_" + mixed(ALNUM, 40), "xoxb-" + rs(DIGITS, 12) + "-" + rs(DIGITS, 13) + "-" + mixed(ALNUM, 24)][i - 3]
            key, kind = ["GITHUB_TOKEN", "STRIPE_KEY", "SLACK_TOKEN"][i - 3], "token"
        text = (f"apiVersion: v1\nkind: Secret\nmetadata:\n  name: app-{i}\n  namespace: prod\ntype: Opaque\ndata:\n"
                f"  username: {b64('app')}\n  {key}: {b64(raw)}\n")
        case(f"k8s-secret/{cid('k8s')}/secret.yaml", "k8s-secret", text, [{"line": 9, "kind": kind, "decoded": raw}])
        n += 1
    # docker config.json auths.*.auth = base64(user:password).
    for i, reg in enumerate(["https://index.docker.io/v1/", "registry.gitlab.com", "ghcr.io", "acme.azurecr.io", "registry.internal:5000"]):
        pw = password() if i != 2 else crc_token("ghp_")
        auth = b64(f"ci-bot:{pw}")
        text = json.dumps({"auths": {reg: {"auth": auth}}}, indent=2) + "\n"
        case(f"docker-auth/{cid('docker')}/.docker/config.json", "docker-auth", text,
             [{"line": line_of(text, auth), "kind": "password", "decoded": pw}])
        n += 1
    # Kubernetes dockerconfigjson secret: base64 of the docker config.
    pw = password()
    inner = json.dumps({"auths": {"registry.acme.test": {"auth": b64(f"puller:{pw}")}}})
    text = (f"apiVersion: v1\nkind: Secret\nmetadata:\n  name: regcred\ntype: kubernetes.io/dockerconfigjson\ndata:\n"
            f"  .dockerconfigjson: {b64(inner)}\n")
    case(f"docker-auth/{cid('docker')}/regcred.yaml", "docker-auth", text, [{"line": 7, "kind": "password", "decoded": pw}])
    n += 1
    # Hex-encoded.
    for i in range(4):
        t = [crc_token("ghp_"), "AKIA" + rs("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16), "glpat-" + mixed(B64URL, 20), "sk_live_" + mixed(ALNUM, 40)][i]
        hx = f"TOKEN={t}".encode().hex()
        text = f"# obfuscated on purpose\nBLOB = bytes.fromhex(\"{hx}\")\n"
        case(f"decoded-hex/{cid('hex')}/loader.py", "decoded-hex", text, [{"line": 2, "kind": "token", "decoded": t}])
        n += 1
    # Percent-encoded (a URL query parameter, a form body).
    for i in range(4):
        t = [crc_token("ghp_"), "xoxb-" + rs(DIGITS, 12) + "-" + rs(DIGITS, 13) + "-" + mixed(ALNUM, 24), "sk_live_" + mixed(ALNUM, 40), "glpat-" + mixed(B64URL, 20)][i]
        enc = "".join(f"%{b:02X}" for b in f"token={t}".encode())
        text = f"callback_url: https://hooks.acme.test/relay?payload={enc}\n"
        case(f"decoded-percent/{cid('pct')}/hooks.yml", "decoded-percent", text, [{"line": 1, "kind": "token", "decoded": t}])
        n += 1
    # JSON / JS string escapes (\uXXXX, \xXX).
    for i in range(4):
        t = [crc_token("ghp_"), "sk_live_" + mixed(ALNUM, 40), "glpat-" + mixed(B64URL, 20), "AKIA" + rs("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)][i]
        if i % 2 == 0:
            enc = "".join(f"\\u{ord(c):04x}" for c in t)
            text = f"{{\n  \"name\": \"ci\",\n  \"token\": \"{enc}\"\n}}\n"
            fname = "state.json"
        else:
            enc = "".join(f"\\x{ord(c):02x}" for c in t)
            text = f"const k = \"{enc}\";\nmodule.exports = k;\n"
            fname = "k.js"
        case(f"decoded-escape/{cid('esc')}/{fname}", "decoded-escape", text, [{"line": line_of(text, enc), "kind": "token", "decoded": t}])
        n += 1
    return n


# ------------------------------------------------------------------------------------------------
# Keys (classes: private-key, private-key-split, ppk, openssh, wireguard, keystore).

def sh(*args, **kw):
    return subprocess.run(args, check=True, capture_output=True, **kw).stdout


def cached_key(name, make):
    os.makedirs(KEYS, exist_ok=True)
    path = os.path.join(KEYS, name)
    if not os.path.exists(path):
        data = make(path)
        if data is not None:
            open(path, "wb").write(data)
    return open(path, "rb").read()


def pem_rsa(path):
    return sh("openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-outform", "PEM")


def pem_rsa_trad(path):
    key = sh("openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024")
    return sh("openssl", "pkey", "-traditional", input=key) if False else subprocess.run(
        ["openssl", "rsa", "-traditional"], input=key, capture_output=True, check=True).stdout


def pem_ec(path):
    return sh("openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout")


def openssh(path, passphrase=""):
    tmp = path + ".tmp"
    if os.path.exists(tmp):
        os.remove(tmp)
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase, "-C", "deploy@ci", "-f", tmp], check=True)
    data = open(tmp, "rb").read()
    os.remove(tmp)
    os.remove(tmp + ".pub")
    return data


def keys():
    n = 0
    rsa = cached_key("rsa-1.pem", pem_rsa).decode()
    rsa2 = cached_key("rsa-2.pem", pem_rsa).decode()
    trad = cached_key("rsa-trad.pem", pem_rsa_trad).decode()
    ec = cached_key("ec-1.pem", pem_ec).decode()
    ec2 = cached_key("ec-2.pem", pem_ec).decode()
    ossh = cached_key("ed25519", lambda p: openssh(p)).decode()
    ossh_enc = cached_key("ed25519-enc", lambda p: openssh(p, "correct-horse-77")).decode()

    def span(text, pem):
        first = pem.strip().splitlines()[0]
        last = pem.strip().splitlines()[-1]
        return [line_of(text, first), line_of(text, last)]

    # Plain PEM files and PEM in config (private-key: on main).
    for fname, pem, wrap in [("id_rsa", trad, "{p}"), ("server.key", rsa, "{p}"), ("certs/tls.key", ec, "{p}"),
                             ("id_ed25519", ossh, "{p}"), ("deploy/key.pem", rsa2, "{p}"),
                             ("values.yaml", ec2, "tls:\n  key: |\n{pi}")]:
        text = wrap.format(p=pem, pi="".join("    " + l + "\n" for l in pem.strip().splitlines()))
        case(f"private-key/{cid('pem')}/{fname}", "private-key", text, [{"lines": span(text, pem), "kind": "private-key"}])
        n += 1
    case(f"private-key/{cid('pem')}/id_ed25519_ci", "private-key", ossh_enc,
         [{"lines": span(ossh_enc, ossh_enc), "kind": "private-key", "note": "passphrase-protected"}])
    n += 1
    # PEM split across JSON \n escapes and string concatenation (private-key-split).
    for i, pem in enumerate([rsa, ec, rsa2, trad]):
        esc = pem.strip().replace("\n", "\\n") + "\\n"
        proj = f"acme-prod-{rs(DIGITS, 6)}"
        text = json.dumps({"type": "service_account", "project_id": proj, "private_key_id": rs(HEX, 40),
                           "client_email": f"deployer@{proj}.iam.gserviceaccount.com"}, indent=2)
        text = text[:-2] + f",\n  \"private_key\": \"{esc}\"\n}}\n"
        case(f"private-key-split/{cid('split')}/service-account.json", "private-key-split", text,
             [{"line": line_of(text, "BEGIN"), "kind": "private-key"}],
             note="GCP service-account JSON; the gcp rule may also report the file")
        n += 1
    for i, (pem, lang) in enumerate([(rsa, "java"), (ec, "js"), (rsa2, "py"), (trad, "go"), (ec2, "cs"), (rsa, "kt")]):
        lines = pem.strip().splitlines()
        if lang == "java":
            body = "\n".join(f'        "{l}\\n" +' for l in lines).rstrip(" +") + ";"
            text = f"class Keys {{\n    static final String KEY =\n{body}\n}}\n"
            fname = "Keys.java"
        elif lang == "js":
            body = "\n".join(f"  '{l}\\n' +" for l in lines).rstrip(" +") + ";"
            text = f"const privateKey =\n{body}\nmodule.exports = {{ privateKey }};\n"
            fname = "signing.js"
        elif lang == "py":
            body = "\n".join(f'    "{l}\\n"' for l in lines)
            text = f"PRIVATE_KEY = (\n{body}\n)\n"
            fname = "keys.py"
        elif lang == "go":
            body = "\n".join(f'\t"{l}\\n" +' for l in lines).rstrip(" +")
            text = f"package auth\n\nconst signingKey = \"\" +\n{body}\n"
            fname = "key.go"
        elif lang == "cs":
            body = "\n".join(f'        + "{l}\\n"' for l in lines)
            text = f"static class Keys\n{{\n    public const string Private = \"\"\n{body};\n}}\n"
            fname = "Keys.cs"
        else:
            body = "\n".join(f'    "{l}\\n" +' for l in lines).rstrip(" +")
            text = f"val key =\n{body}\n"
            fname = "Key.kt"
        case(f"private-key-split/{cid('split')}/{fname}", "private-key-split", text,
             [{"lines": [line_of(text, "BEGIN"), line_of(text, "END")], "kind": "private-key"}])
        n += 1
    # PuTTY .ppk (version 3 layout, random key bytes).
    for i in range(3):
        pub = base64.b64encode(b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20" + bytes(R.getrandbits(8) for _ in range(32))).decode()
        priv = base64.b64encode(b"\x00\x00\x00\x20" + bytes(R.getrandbits(8) for _ in range(32))).decode()
        text = (f"PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: ed25519-key-2026010{i}\n"
                f"Public-Lines: 2\n{pub[:64]}\n{pub[64:]}\nPrivate-Lines: 1\n{priv}\nPrivate-MAC: {rs(HEX, 64)}\n")
        case(f"ppk/{cid('ppk')}/deploy.ppk", "ppk", text, [{"lines": [1, 10], "kind": "private-key"}])
        n += 1
    # WireGuard.
    for i in range(4):
        key = base64.b64encode(bytes(R.getrandbits(8) for _ in range(32))).decode()
        peer = base64.b64encode(bytes(R.getrandbits(8) for _ in range(32))).decode()
        text = (f"[Interface]\nAddress = 10.8.0.{i + 2}/24\nPrivateKey = {key}\nListenPort = 51820\n\n"
                f"[Peer]\nPublicKey = {peer}\nAllowedIPs = 0.0.0.0/0\nEndpoint = vpn.acme.test:51820\n")
        case(f"wireguard/{cid('wg')}/wg0.conf", "wireguard", text, [key], kind="private-key")
        n += 1
    # Keystores (binary): PKCS#12 from openssl, JKS and PKCS#12 from keytool.
    def p12(path, name="p12"):
        key = os.path.join(KEYS, "rsa-1.pem")
        crt = subprocess.run(["openssl", "req", "-new", "-x509", "-key", key, "-subj", "/CN=api.acme.test", "-days", "365"],
                             capture_output=True, check=True).stdout
        return subprocess.run(["openssl", "pkcs12", "-export", "-inkey", key, "-passout", "pass:changeit-" + name, "-name", "api"],
                              input=crt, capture_output=True, check=True).stdout

    def keytool(path, storetype):
        tmp = path + ".tmp"
        if os.path.exists(tmp):
            os.remove(tmp)
        subprocess.run(["keytool", "-genkeypair", "-alias", "release", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=Acme Release",
                        "-validity", "3650", "-storetype", storetype, "-keystore", tmp, "-storepass", "storepass-" + storetype,
                        "-keypass", "storepass-" + storetype], check=True, capture_output=True)
        data = open(tmp, "rb").read()
        os.remove(tmp)
        return data

    stores = [
        ("certs/api.p12", cached_key("api.p12", lambda p: p12(p, "a"))),
        ("certs/client.pfx", cached_key("client.pfx", lambda p: p12(p, "b"))),
        ("app/release.jks", cached_key("release.jks", lambda p: keytool(p, "JKS"))),
        ("android/upload.keystore", cached_key("upload.keystore", lambda p: keytool(p, "JKS"))),
        ("config/server.p12", cached_key("server-keytool.p12", lambda p: keytool(p, "PKCS12"))),
        ("tmp/store.bin", cached_key("store.bin", lambda p: keytool(p, "JKS"))),
    ]
    for fname, data in stores:
        case(f"keystore/{cid('ks')}/{fname}", "keystore", data, [{"kind": "keystore"}], binary=True,
             note="binary keystore: the finding is for the file, any line")
        n += 1
    return n


# ------------------------------------------------------------------------------------------------
# Archives (classes: archive-zip, archive-tar): member files are written to archive-src/ and packed
# by make-archives.sh; the manifest names each member as ARCHIVE!MEMBER.

def archives():
    src = os.path.join(HERE, "archive-src")
    if os.path.exists(src):
        shutil.rmtree(src)
    plan = []  # (archive path, format, [(member, text, secret, kind)])

    def member_env():
        t = crc_token("ghp_")
        return ".env", f"APP_ENV=production\nGITHUB_TOKEN={t}\n", t, "token"

    def member_props():
        k, s = aws_pair()
        return "config/application.properties", f"cloud.aws.region.static=eu-west-1\ncloud.aws.credentials.access-key={k}\n", k, "token"

    def member_yaml():
        t = "xoxb-" + rs(DIGITS, 12) + "-" + rs(DIGITS, 13) + "-" + mixed(ALNUM, 24)
        return "settings/slack.yml", f"slack:\n  channel: '#deploys'\n  token: {t}\n", t, "token"

    def member_stripe():
        t = "sk_live_" + mixed(ALNUM, 60)
        return "BOOT-INF/classes/application.yml", f"stripe:\n  secret-key: {t}\n", t, "token"

    def member_pw():
        p = password()
        return "WEB-INF/classes/db.properties", f"db.user=shop\ndb.password={p}\n", p, "password"

    zips = [("dist/app.zip", "zip", [member_env()]),
            ("build/libs/service.jar", "zip", [member_props(), member_stripe()]),
            ("deploy/webapp.war", "zip", [member_pw(), member_yaml()]),
            ("backup/config.zip", "zip", [member_yaml()]),
            ("lib/plugin.jar", "zip", [member_env()]),
            ("dist/release.zip", "zip-nested", [member_props()]),
            ("exports/site.zip", "zip", [member_stripe()]),
            ("artifacts/bundle.zip", "zip", [member_env(), member_pw()])]
    tars = [("backup/etc.tar.gz", "tgz", [member_env()]),
            ("releases/app-1.4.2.tgz", "tgz", [member_props()]),
            ("dump/config.tar", "tar", [member_yaml()]),
            ("ops/secrets.tar.gz", "tgz", [member_stripe(), member_pw()]),
            ("logs/env.gz", "gz", [member_env()]),
            ("backup/app.properties.gz", "gz", [member_props()]),
            ("dist/site.tar.gz", "tgz-nested", [member_yaml()]),
            ("vendor/legacy.tar", "tar", [member_env()])]
    n = 0
    lines = []
    for archive, fmt, members in zips + tars:
        cls = "archive-zip" if fmt.startswith("zip") else "archive-tar"
        adir = os.path.join(src, archive)
        expect_paths = []
        for member, text, secret, kind in members:
            mp = os.path.join(adir, member)
            os.makedirs(os.path.dirname(mp), exist_ok=True)
            open(mp, "w").write(text)
            expect_paths.append((member, line_of(text, secret), secret, kind))
        lines.append(f"{fmt} {archive}")
        for member, line, secret, kind in expect_paths:
            archive_path = "archive/" + archive
            if fmt == "gz":  # a lone .gz has one member: its decompressed self
                full = f"{archive_path}!{os.path.basename(archive)[:-3]}"
            elif fmt.endswith("-nested"):
                inner = "inner.zip" if fmt.startswith("zip") else "inner.tar.gz"
                full = f"{archive_path}!{inner}!{member}"
            else:
                full = f"{archive_path}!{member}"
            manifest.append({"file": full, "class": cls, "expect": [{"line": line, "secret": secret, "kind": kind}]})
        n += 1
    open(os.path.join(src, "PLAN"), "w").write("\n".join(lines) + "\n")
    subprocess.run(["bash", os.path.join(HERE, "make-archives.sh")], check=True)
    return n


# ------------------------------------------------------------------------------------------------
# Negatives: decoys a scanner must leave alone (class: negative-<group>).

def neg(group, fname, text, note=None):
    case(f"negative/{group}/{cid('neg-' + group)[-2:]}/{fname}", f"negative-{group}", text, [], note=note)


def negatives():
    syntaxes = [(f, t, s) for f, t, s in pw_syntaxes()]
    # Variable references, per syntax.
    refs = {
        "ENV": ["${DB_PASSWORD}", "$DB_PASSWORD", "${POSTGRES_PASSWORD:?required}", "%DB_PASSWORD%"],
        "yaml": ["<%= ENV['DATABASE_PASSWORD'] %>", "${DB_PASSWORD}", "\"{{ db_password }}\"", "<%= Rails.application.credentials.db_password %>"],
        "DJ": ["os.environ['DB_PASSWORD']", "env('DB_PASSWORD')", "os.getenv('DB_PASSWORD')", "config('DB_PASSWORD')"],
        "prop": ["${DB_PASSWORD}", "${SPRING_DATASOURCE_PASSWORD:}", "ENC(${JASYPT})", "${vcap.services.db.credentials.password}"],
        "tf": ["var.db_password", "data.aws_secretsmanager_secret_version.db.secret_string", "random_password.db.result", "local.db_password"],
        "tfattr": ["var.db_password", "random_password.master.result", "data.vault_generic_secret.db.data[\"password\"]", "module.secrets.db_password"],
        "ansible": ["\"{{ vault_mysql_root_password }}\"", "\"{{ lookup('env', 'MYSQL_PASSWORD') }}\"", "\"{{ lookup('community.hashi_vault.hashi_vault', 'secret=kv/db:password') }}\"", "\"{{ mysql_password | default(omit) }}\""],
        "fixed": ["${env.NEXUS_PASSWORD}", "${nexus.password}", "{COQLCE6DU6GtcS5P=}", "${env.MAVEN_REPO_PASS}"],
        "php": ["env('DB_PASSWORD')", "getenv('DB_PASSWORD')", "$_ENV['DB_PASSWORD']", "env('DB_PASSWORD', '')"],
        "Camel": ["${SMTP_PASSWORD}", "%SMTP_PASSWORD%", "#{Smtp__Password}#", "$(SmtpPassword)"],
        "json": ["${DB_PASSWORD}", "{{DB_PASSWORD}}", "$DB_PASSWORD", "process.env.DB_PASSWORD"],
        "toml": ["${DB_PASSWORD}", "{{ .Env.DB_PASSWORD }}", "$DB_PASSWORD", "env:DB_PASSWORD"],
        "ini": ["%(DB_PASSWORD)s", "${DB_PASSWORD}", "$DB_PASSWORD", "%DB_PASSWORD%"],
    }
    raw_styles = {"DJ", "tf", "tfattr", "php"}  # the reference is code, not a quoted string

    def put(tmpl, style, k, v):
        text = tmpl.format(K=k, k=k, C=k, v=v)
        if style in raw_styles:
            for q in ("'", '"'):
                text = text.replace(f"{q}{v}{q}", v)
        elif v.startswith('"') and v.endswith('"'):
            text = text.replace(f'"{v}"', v).replace(f"'{v}'", v)
        return text

    for fname, tmpl, style in syntaxes:
        for i, v in enumerate(refs[style]):
            k = KEYS_BY_STYLE[style][i % len(KEYS_BY_STYLE[style])]
            neg("var-ref", fname, put(tmpl, style, k, v))
    # Placeholders and dummy words.
    dummies = ["changeme", "password", "xxxxxxxx", "********", "<password>", "your_password", "REPLACE_ME", "example",
               "<YOUR_PASSWORD_HERE>", "secret", "TODO", "dummy", "[PASSWORD]", "CHANGE_ME_BEFORE_DEPLOY", "s3cr3t",
               "your-db-password", "insert-password-here", "test", "pass123"]
    for i, v in enumerate(dummies):
        fname, tmpl, style = syntaxes[i % len(syntaxes)]
        if style in raw_styles:
            fname, tmpl, style = syntaxes[0]
        k = KEYS_BY_STYLE[style][i % len(KEYS_BY_STYLE[style])]
        neg("placeholder", fname, tmpl.format(K=k, k=k, C=k, v=v))
    for fname, tmpl, style in syntaxes[:10]:
        if style in raw_styles:
            continue
        k = KEYS_BY_STYLE[style][0]
        neg("placeholder", fname, tmpl.format(K=k, k=k, C=k, v="<" + k.lower() + ">"))
    # Empty, null, boolean values and file paths under *_file keys.
    for v, note in [("", "empty"), ("null", "null"), ("~", "null"), ("false", "boolean"), ("true", "boolean"), ("None", "null")]:
        for fname, tmpl, style in [syntaxes[2], syntaxes[5], syntaxes[11]]:
            k = KEYS_BY_STYLE[style][0]
            text = tmpl.format(K=k, k=k, C=k, v=v).replace('""', '""')
            if v in ("null", "~", "false", "true", "None"):
                text = text.replace(f'"{v}"', v)
            neg("empty", fname, text, note=note)
    files = [
        (".env", "DB_PASSWORD_FILE=/run/secrets/db_password\nPOSTGRES_PASSWORD_FILE=/run/secrets/postgres\n"),
        ("docker-compose.yml", "services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/pg_password\n    secrets:\n      - pg_password\nsecrets:\n  pg_password:\n    file: ./secrets/pg_password.txt\n"),
        ("config.yml", "database:\n  password_file: /etc/app/db.pass\n  passfile: ~/.pgpass\n"),
        ("settings.py", "SECRET_KEY_FILE = '/run/secrets/django_secret_key'\nDB_PASSWORD_PATH = BASE_DIR / 'secrets' / 'db_password'\n"),
        ("application.properties", "server.ssl.key-store=classpath:keystore.p12\nserver.ssl.key-store-password-file=/etc/app/ks.pass\n"),
        ("vars.yml", "mysql_root_password_file: \"{{ role_path }}/files/root.pass\"\n"),
    ]
    for fname, text in files:
        neg("file-path", fname, text)
    # i18n labels and prompts.
    i18n = [
        ("locales/en.yml", "en:\n  devise:\n    passwords:\n      edit:\n        change_my_password: \"Change my password\"\n        new_password: \"New password\"\n      password: Password\n"),
        ("locales/de.json", "{\n  \"login\": {\n    \"password\": \"Passwort\",\n    \"password_placeholder\": \"Bitte Passwort eingeben\",\n    \"forgot_password\": \"Passwort vergessen?\"\n  }\n}\n"),
        ("messages.properties", "login.password=Password\nlogin.password.hint=Must be at least 12 characters\nlogin.password.mismatch=Passwords do not match\n"),
        ("strings.xml", "<resources>\n    <string name=\"password\">Password</string>\n    <string name=\"prompt_password\">Enter your password</string>\n</resources>\n"),
        ("django.po", "msgid \"Password\"\nmsgstr \"Mot de passe\"\n\nmsgid \"Enter your password\"\nmsgstr \"Saisissez votre mot de passe\"\n"),
        ("Login.tsx", "export const Login = () => (\n  <form>\n    <label htmlFor=\"password\">Password</label>\n    <input id=\"password\" type=\"password\" placeholder=\"Enter your password\" />\n  </form>\n);\n"),
        ("forms.py", "class LoginForm(forms.Form):\n    password = forms.CharField(label=\"Password\", widget=forms.PasswordInput, help_text=\"Enter your password\")\n"),
        ("en.ts", "export default {\n  password: 'Password',\n  passwordRequired: 'Password is required',\n  passwordTooShort: 'Password must have at least 8 characters',\n};\n"),
        ("Localizable.strings", "\"password\" = \"Password\";\n\"password_prompt\" = \"Please enter your password\";\n"),
        ("es.yml", "es:\n  password: Contraseña\n  password_confirmation: Confirmar contraseña\n"),
        ("auth.php", "<?php\nreturn [\n    'password' => 'The provided password is incorrect.',\n    'throttle' => 'Too many login attempts.',\n];\n"),
        ("prompt.sh", "#!/bin/sh\nread -s -p \"Password: \" PASSWORD\nexport PGPASSWORD=\"$PASSWORD\"\n"),
    ]
    for fname, text in i18n:
        neg("i18n", fname, text)
    # Type annotations and schemas.
    types = [
        ("user.ts", "export interface User {\n  email: string;\n  password: string;\n  passwordHash?: string | null;\n}\n"),
        ("models.py", "class User(BaseModel):\n    email: str\n    password: str\n    password_confirm: SecretStr\n"),
        ("User.java", "public class User {\n    private String username;\n    private String password;\n    private char[] passphrase;\n}\n"),
        ("user.go", "type Credentials struct {\n\tUsername string `json:\"username\"`\n\tPassword string `json:\"password\"`\n}\n"),
        ("schema.graphql", "input LoginInput {\n  email: String!\n  password: String!\n}\n"),
        ("openapi.yaml", "components:\n  schemas:\n    Login:\n      type: object\n      properties:\n        password:\n          type: string\n          format: password\n          minLength: 12\n"),
        ("User.cs", "public class User\n{\n    public string Password { get; set; }\n    public string PasswordSalt { get; set; }\n}\n"),
        ("schema.prisma", "model User {\n  id       Int    @id @default(autoincrement())\n  password String\n  token    String? @unique\n}\n"),
        ("user.rs", "pub struct Login {\n    pub username: String,\n    pub password: SecretString,\n}\n"),
        ("migration.sql", "CREATE TABLE users (\n  id bigserial PRIMARY KEY,\n  password_hash varchar(255) NOT NULL,\n  api_token varchar(64)\n);\n"),
        ("user.proto", "message LoginRequest {\n  string username = 1;\n  string password = 2;\n}\n"),
        ("types.d.ts", "declare module 'db' {\n  export function connect(opts: { user: string; password: string }): Promise<void>;\n}\n"),
    ]
    for fname, text in types:
        neg("type", fname, text)
    # Code expressions.
    code = [
        ("auth.py", "def login(request):\n    password = request.form['password']\n    token = generate_token(user.id)\n    return check_password(user, password)\n"),
        ("client.go", "func newClient(sid string) *Client {\n\tpassword := GetToken(sid)\n\treturn &Client{Password: password}\n}\n"),
        ("Service.java", "String password = credentialsProvider.getPassword(userId);\nString apiKey = vault.read(\"kv/api\").get(\"key\");\n"),
        ("db.js", "const password = await secrets.get('db-password');\nconst token = jwt.sign(payload, process.env.JWT_SECRET);\n"),
        ("user.rb", "def password=(new_password)\n  @password = new_password\n  self.password_digest = BCrypt::Password.create(new_password)\nend\n"),
        ("hash.py", "password = hash_password(raw_password, salt=os.urandom(16))\nsecret = base64.b64encode(os.urandom(32)).decode()\n"),
        ("cli.py", "parser.add_argument('--password', default=None, help='database password')\npassword = args.password or getpass.getpass()\n"),
        ("Login.cs", "var password = Environment.GetEnvironmentVariable(\"DB_PASSWORD\") ?? throw new InvalidOperationException();\n"),
        ("config.js", "module.exports = {\n  password: process.env.DB_PASSWORD,\n  secret: config.get('session.secret'),\n};\n"),
        ("settings.py", "PASSWORD_HASHERS = ['django.contrib.auth.hashers.Argon2PasswordHasher']\nAUTH_PASSWORD_VALIDATORS = [{'NAME': 'django.contrib.auth.password_validation.MinimumLengthValidator'}]\n"),
        ("policy.yml", "password_policy:\n  min_length: 12\n  max_age_days: 90\n  require_symbols: true\npassword_reset_token_ttl: 3600\n"),
        ("validate.js", "const passwordRegex = /^(?=.*[A-Z])(?=.*\\d)(?=.*[!@#$%^&*]).{12,}$/;\n"),
        ("main.tf", "resource \"random_password\" \"db\" {\n  length  = 24\n  special = true\n}\n\nresource \"aws_db_instance\" \"db\" {\n  password = random_password.db.result\n}\n"),
        ("playbook.yml", "- name: generate a password\n  set_fact:\n    db_password: \"{{ lookup('password', '/dev/null length=24 chars=ascii_letters,digits') }}\"\n"),
        ("app.py", "app.config['SECRET_KEY'] = os.environ.get('SECRET_KEY') or secrets.token_hex(32)\n"),
        ("UserTest.kt", "val password = faker.internet().password(12, 20)\nval token = UUID.randomUUID().toString()\n"),
        ("seed.rb", "User.create!(email: 'admin@example.com', password: SecureRandom.hex(16))\n"),
        ("session.php", "<?php\n$password = password_hash($_POST['password'], PASSWORD_DEFAULT);\n$token = bin2hex(random_bytes(32));\n"),
    ]
    for fname, text in code:
        neg("code", fname, text)
    # Ids and digests: UUIDs, git SHAs, content hashes, lockfiles.
    ids = []
    for i in range(10):
        u = "-".join(rs(HEX, n) for n in (8, 4, 4, 4, 12))
        ids.append((["request.json", "tenant.yml", "app.env", "settings.py", "terraform.tfvars"][i % 5],
                    [f"{{\n  \"request_id\": \"{u}\",\n  \"status\": \"ok\"\n}}\n",
                     f"tenant_id: {u}\nsubscription_id: {'-'.join(rs(HEX, n) for n in (8, 4, 4, 4, 12))}\n",
                     f"CLIENT_ID={u}\nAPP_INSTANCE_ID={'-'.join(rs(HEX, n) for n in (8, 4, 4, 4, 12))}\n",
                     f"SITE_ID = '{u}'\nCORRELATION_ID_HEADER = 'X-Request-ID'\n",
                     f"subscription_id = \"{u}\"\ntenant_id       = \"{'-'.join(rs(HEX, n) for n in (8, 4, 4, 4, 12))}\"\n"][i % 5]))
    for i in range(8):
        sha = rs(HEX, 40)
        ids.append((["release.yml", "versions.txt", ".gitmodules-lock", "deps.json"][i % 4],
                    [f"release:\n  commit: {sha}\n  tag: v2.{i}.0\n",
                     f"api {sha}\nweb {rs(HEX, 40)}\n",
                     f"[submodule \"vendor/lib\"]\n\tcommit = {sha}\n",
                     f"{{\"revision\": \"{sha}\", \"tree\": \"{rs(HEX, 40)}\"}}\n"][i % 4]))
    for i in range(8):
        ids.append((["SHA256SUMS", "checksums.yml", "Dockerfile", "download.sh"][i % 4],
                    [f"{rs(HEX, 64)}  app-linux-amd64.tar.gz\n{rs(HEX, 64)}  app-darwin-arm64.tar.gz\n",
                     f"artifacts:\n  - name: app.tar.gz\n    sha256: {rs(HEX, 64)}\n",
                     f"FROM node:20-alpine@sha256:{rs(HEX, 64)}\nRUN npm ci\n",
                     f"#!/bin/sh\ncurl -fsSLO https://example.org/tool.tgz\necho \"{rs(HEX, 64)}  tool.tgz\" | sha256sum -c -\n"][i % 4]))
    ids.append(("package-lock.json", "{\n  \"packages\": {\n    \"node_modules/lodash\": {\n      \"version\": \"4.17.21\",\n"
                f"      \"integrity\": \"sha512-{b64(bytes(R.getrandbits(8) for _ in range(64)))}\"\n    }}\n  }}\n}}\n"))
    ids.append(("yarn.lock", f"lodash@^4.17.21:\n  version \"4.17.21\"\n  resolved \"https://registry.yarnpkg.com/lodash/-/lodash-4.17.21.tgz#{rs(HEX, 40)}\"\n  integrity sha512-{b64(bytes(R.getrandbits(8) for _ in range(64)))}\n"))
    ids.append(("go.sum", f"github.com/pkg/errors v0.9.1 h1:{b64(bytes(R.getrandbits(8) for _ in range(32)))}\ngithub.com/pkg/errors v0.9.1/go.mod h1:{b64(bytes(R.getrandbits(8) for _ in range(32)))}\n"))
    ids.append(("Cargo.lock", f"[[package]]\nname = \"serde\"\nversion = \"1.0.200\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\nchecksum = \"{rs(HEX, 64)}\"\n"))
    ids.append(("poetry.lock", f"[[package]]\nname = \"requests\"\nversion = \"2.32.3\"\nfiles = [\n    {{file = \"requests-2.32.3.tar.gz\", hash = \"sha256:{rs(HEX, 64)}\"}},\n]\n"))
    ids.append(("Gemfile.lock", f"GEM\n  remote: https://rubygems.org/\n  specs:\n    rake (13.2.1)\n\nCHECKSUMS\n  rake (13.2.1) sha256={rs(HEX, 64)}\n"))
    ids.append(("composer.lock", f"{{\n  \"content-hash\": \"{rs(HEX, 32)}\",\n  \"packages\": [{{\"name\": \"monolog/monolog\", \"dist\": {{\"shasum\": \"{rs(HEX, 40)}\"}}}}]\n}}\n"))
    ids.append(("build.gradle.lockfile", f"com.google.guava:guava:33.0.0-jre=compileClasspath\n# sha256 {rs(HEX, 64)}\n"))
    ids.append(("assets.json", f"{{\"main.js\": \"/static/main.{rs(HEX, 8)}.js\", \"main.css\": \"/static/main.{rs(HEX, 20)}.css\"}}\n"))
    ids.append(("index.html", f"<link rel=\"stylesheet\" href=\"/app.css\" integrity=\"sha384-{b64(bytes(R.getrandbits(8) for _ in range(48)))}\" crossorigin=\"anonymous\">\n"))
    ids.append(("etag.txt", f"ETag: \"{rs(HEX, 32)}\"\nContent-MD5: {b64(bytes(R.getrandbits(8) for _ in range(16)))}\n"))
    ids.append(("logo.html", f"<img src=\"data:image/png;base64,{b64(bytes(R.getrandbits(8) for _ in range(96)))}\" alt=\"logo\">\n"))
    ids.append(("analytics.js", f"gtag('config', 'G-{rs(UPPER + DIGITS, 10)}');\nconst SEGMENT_WRITE_KEY_PUBLIC = 'public';\n"))
    ids.append(("mongo.json", f"{{\"_id\": {{\"$oid\": \"{rs(HEX, 24)}\"}}, \"session\": \"{rs(HEX, 24)}\"}}\n"))
    for fname, text in ids:
        neg("id", fname, text)
    # Documentation examples: well-known doc values, redacted and x-ed out tokens, placeholder prose.
    docs = [
        ("README.md", "## Configure\n\nSet your token:\n\n```sh\nexport GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n```\n"),
        ("docs/aws.md", "The AWS documentation uses these example credentials:\n\n```\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n```\n"),
        ("docs/setup.rst", "Configuration\n=============\n\n.. code-block:: ini\n\n   [database]\n   password = <your password>\n   token = <paste your token here>\n"),
        ("README.md", "Create `.env`:\n\n    DB_PASSWORD=your-password-here\n    STRIPE_SECRET_KEY=sk_live_...\n"),
        ("CONTRIBUTING.md", "Use a personal access token (it starts with `ghp_`) or a fine-grained token (`github_pat_…`).\n"),
        ("docs/slack.md", "Your webhook URL looks like `https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX`.\n"),
        ("docs/api.md", "```http\nGET /v1/me HTTP/1.1\nAuthorization: Bearer <token>\n```\n"),
        ("docs/stripe.md", "Test with `sk_test_` keys only; never paste `sk_live_…` keys into an issue.\n"),
        ("README.md", "```yaml\nspring:\n  datasource:\n    password: ${DB_PASSWORD}\n```\n"),
        ("docs/jwt.md", "A JWT has three parts: `header.payload.signature`, e.g. `eyJhbGciOi...`.\n"),
        ("docs/install.md", "Run `docker login -u <user> -p <password>` (better: `--password-stdin`).\n"),
        ("docs/faq.md", "**Q: What is my API key?** It is shown once under *Settings → API keys* as `key_XXXXXXXXXXXXXXXX`.\n"),
        ("README.md", "| variable | example |\n|---|---|\n| `OPENAI_API_KEY` | `sk-...` |\n| `ANTHROPIC_API_KEY` | `sk-ant-...` |\n"),
        ("docs/gitlab.md", "Tokens look like `glpat-XXXXXXXXXXXXXXXXXXXX`; replace the X's with yours.\n"),
        ("docs/cli.md", "```\n$ tool login --token $TOKEN\n$ tool login --password-file ~/.tool/pass\n```\n"),
    ]
    for fname, text in docs:
        neg("doc-example", fname, text)
    # Dummy credentials in connection URLs in comments and docs (issue 13 §8).
    urls = [
        ("settings.py", "# Example: postgres://myuser:mypass@localhost:5432/mydb\nDATABASE_URL = os.environ['DATABASE_URL']\n"),
        ("config.js", "// e.g. mongodb://user:password@localhost:27017/test\nmodule.exports = { url: process.env.MONGO_URL };\n"),
        ("README.md", "Point `DATABASE_URL` at your database, e.g. `postgresql://username:password@host:5432/dbname`.\n"),
        (".env.example", "# DATABASE_URL=mysql://root:root@127.0.0.1:3306/app\nDATABASE_URL=\n"),
        ("docs/redis.md", "Connect with `redis://:yourpassword@localhost:6379/0`.\n"),
        ("app.rb", "# amqp://guest:guest@localhost:5672 is RabbitMQ's default for local development\nBROKER = ENV.fetch('AMQP_URL')\n"),
        ("db.go", "// dsn: \"user:pass@tcp(127.0.0.1:3306)/dbname\"\nvar dsn = os.Getenv(\"MYSQL_DSN\")\n"),
        ("application.properties", "# spring.datasource.url=jdbc:postgresql://localhost:5432/db?user=user&password=password\nspring.datasource.url=${JDBC_URL}\n"),
        ("docs/proxy.md", "Set `https_proxy=http://user:password@proxy.example.com:8080`.\n"),
        ("Makefile", "# local only: DB=postgres://postgres:postgres@localhost:5432/postgres\ntest:\n\tgo test ./...\n"),
    ]
    for fname, text in urls:
        neg("doc-url", fname, text)
    # CSRF tokens and other form/session nonces.
    for i in range(6):
        tok = b64(bytes(R.getrandbits(8) for _ in range(64)))
        csrf = [
            ("login.html", f"<form action=\"/session\" method=\"post\">\n  <input type=\"hidden\" name=\"authenticity_token\" value=\"{tok}\" autocomplete=\"off\" />\n</form>\n"),
            ("page.html", f"<meta name=\"csrf-param\" content=\"authenticity_token\" />\n<meta name=\"csrf-token\" content=\"{tok}\" />\n"),
            ("form.html", f"<input type=\"hidden\" name=\"csrfmiddlewaretoken\" value=\"{rs(ALNUM, 64)}\">\n"),
            ("spec/fixtures/response.html", f"<input name=\"authenticity_token\" type=\"hidden\" value=\"{tok}\">\n"),
            ("cassette.yml", f"request:\n  body: \"utf8=%E2%9C%93&authenticity_token={tok.replace('+', '%2B').replace('/', '%2F').replace('=', '%3D')}&commit=Sign+in\"\n"),
            ("laravel.html", f"<input type=\"hidden\" name=\"_token\" value=\"{rs(ALNUM, 40)}\">\n"),
        ][i]
        neg("csrf", *csrf)
    # Public keys and certificates.
    pub = sh("openssl", "pkey", "-pubout", "-in", os.path.join(KEYS, "rsa-1.pem")).decode()
    ecpub = sh("openssl", "pkey", "-pubout", "-in", os.path.join(KEYS, "ec-1.pem")).decode()
    cert = subprocess.run(["openssl", "req", "-new", "-x509", "-key", os.path.join(KEYS, "rsa-2.pem"), "-subj", "/CN=ca.acme.test",
                           "-days", "3650", "-set_serial", "1"], capture_output=True, check=True).stdout.decode() \
        if not os.path.exists(os.path.join(KEYS, "ca.crt")) else open(os.path.join(KEYS, "ca.crt")).read()
    open(os.path.join(KEYS, "ca.crt"), "w").write(cert)
    sshpub = open(os.path.join(KEYS, "ed25519.pub")).read() if os.path.exists(os.path.join(KEYS, "ed25519.pub")) else None
    wgpub = base64.b64encode(bytes(R.getrandbits(8) for _ in range(32))).decode()
    pubs = [
        ("id_rsa.pub", "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ" + rs(B64, 340) + " ops@laptop\n"),
        ("authorized_keys", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + rs(B64, 43) + " deploy@ci\nssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + rs(B64, 43) + " alice@work\n"),
        ("public.pem", pub),
        ("jwt-public.pem", ecpub),
        ("ca.crt", cert),
        ("known_hosts", "github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n"),
        ("wg-peer.conf", f"[Peer]\nPublicKey = {wgpub}\nAllowedIPs = 10.8.0.0/24\nEndpoint = vpn.acme.test:51820\n"),
        ("age-recipients.txt", "age1" + rs("qpzry9x8gf2tvdw0s3jn54khce6mua7l", 58) + "\n"),
        ("stripe.js", f"const stripe = Stripe('pk_live_{mixed(ALNUM, 99)}');\n"),
        ("gpg-public.asc", "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmDMEZ" + rs(B64, 60) + "\n" + rs(B64, 64) + "\n=" + rs(B64, 4) + "\n-----END PGP PUBLIC KEY BLOCK-----\n"),
        ("jwks.json", json.dumps({"keys": [{"kty": "RSA", "use": "sig", "kid": rs(HEX, 16), "n": rs(B64URL, 342), "e": "AQAB"}]}, indent=2) + "\n"),
        ("age-key.txt.pub", "# public key: age1" + rs("qpzry9x8gf2tvdw0s3jn54khce6mua7l", 58) + "\n"),
    ]
    for fname, text in pubs:
        neg("public-key", fname, text)
    # Encrypted values: ciphertext is not the secret (ansible-vault, SOPS, sealed secrets, jasypt).
    vault = "$ANSIBLE_VAULT;1.1;AES256\n" + "\n".join(rs(DIGITS + "abcdef", 80) for _ in range(5))
    enc = [
        ("group_vars/prod/vault.yml", vault + "\n"),
        ("vars.yml", "db_password: !vault |\n  " + vault.replace("\n", "\n  ") + "\n"),
        ("secrets.enc.yaml", f"db:\n  password: ENC[AES256_GCM,data:{b64(bytes(R.getrandbits(8) for _ in range(18)))},iv:{b64(bytes(R.getrandbits(8) for _ in range(32)))},tag:{b64(bytes(R.getrandbits(8) for _ in range(16)))},type:str]\nsops:\n  version: 3.9.0\n"),
        ("sealed.yaml", f"apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: db\nspec:\n  encryptedData:\n    password: AgB{rs(B64, 360)}==\n"),
        ("application.properties", f"spring.datasource.password=ENC({rs(B64, 44)})\n"),
        ("settings.xml", f"<settings>\n  <servers>\n    <server>\n      <id>central</id>\n      <password>{{{rs(B64, 44)}}}</password>\n    </server>\n  </servers>\n</settings>\n"),
    ]
    for fname, text in enc:
        neg("encrypted", fname, text)
    # Tokens that fail their checksum (typos, docs, tests) and obviously fake prefixed tokens.
    for i in range(6):
        good = crc_token(["ghp_", "gho_", "npm_", "ghs_", "ghp_", "ghu_"][i])
        bad = good[:-1] + ("A" if good[-1] != "A" else "B")
        fname = ["test_client.py", ".env.example", "README.md", "fixtures.json", "docs/ci.md", "client_test.go"][i]
        neg("bad-checksum", fname, f"TOKEN = \"{bad}\"\n", note="checksum fails: reported low, never blocking")
    fakes = [
        ("test_stripe.py", "stripe.api_key = \"sk_test_" + mixed(ALNUM, 24) + "\"\n"),
        (".env.example", "SLACK_BOT_TOKEN=xoxb-your-bot-token\nSLACK_SIGNING_SECRET=your-signing-secret\n"),
        (".env.sample", "OPENAI_API_KEY=sk-...\nAWS_ACCESS_KEY_ID=AKIA................\n"),
        ("config.example.yml", "github:\n  token: ghp_<your-token>\ngitlab:\n  token: glpat-<token>\n"),
        ("fixtures.yml", "aws_access_key_id: AKIAXXXXXXXXXXXXXXXX\naws_secret_access_key: XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\n"),
        ("mock.js", "const token = 'xoxb-000000000000-0000000000000-000000000000000000000000';\n"),
    ]
    for fname, text in fakes:
        neg("fake", fname, text)
    # Non-secret fields next to credentials (issue 13 §8: credentials.name, .host, key ids).
    fields = [
        ("credentials.yml", "credentials:\n  name: production-db\n  host: db.prod.internal\n  port: 5432\n  username: app\n"),
        ("config.json", "{\n  \"credentials\": {\n    \"type\": \"service_account\",\n    \"client_email\": \"ci@acme-prod.iam.gserviceaccount.com\",\n    \"token_uri\": \"https://oauth2.googleapis.com/token\"\n  }\n}\n"),
        ("settings.yml", "auth:\n  token_endpoint: https://login.acme.test/oauth2/token\n  token_expiry_seconds: 3600\n  password_grant_enabled: false\n"),
        ("app.env", "SECRET_NAME=prod/db/password\nSECRET_ARN=arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf\n"),
        ("vault.hcl", "path \"secret/data/app/*\" {\n  capabilities = [\"read\"]\n}\n"),
        ("pipeline.yml", "steps:\n  - name: deploy\n    env:\n      TOKEN_NAME: deploy-bot\n      PASSWORD_LENGTH: 32\n"),
        ("keycloak.json", "{\n  \"realm\": \"acme\",\n  \"credentials\": { \"secret\": \"\" },\n  \"auth-server-url\": \"https://sso.acme.test/\"\n}\n"),
        ("kms.tf", "resource \"aws_kms_key\" \"secrets\" {\n  description = \"encrypts the app secrets\"\n  key_usage   = \"ENCRYPT_DECRYPT\"\n}\n"),
    ]
    for fname, text in fields:
        neg("field", fname, text)
    # Ordinary code and data with long random-looking strings.
    for i in range(10):
        blobs = [
            ("icons.css", f".icon-home {{ background: url(data:image/svg+xml;base64,{b64(('<svg ' + rs(ALNUM, 60) + '/>').encode())}); }}\n"),
            ("routes.js", f"export const routes = {{ dashboard: '/d/{rs(ALNUM, 9)}/overview', report: '/r/{rs(ALNUM, 12)}' }};\n"),
            ("i18n-keys.json", f"{{\"msg_{rs(HEX, 8)}\": \"Welcome back\", \"msg_{rs(HEX, 8)}\": \"Sign out\"}}\n"),
            ("test_ids.py", f"USER_IDS = [\"usr_{rs(ALNUM, 24)}\", \"usr_{rs(ALNUM, 24)}\"]\n"),
            ("fonts.css", f"@font-face {{ font-family: Inter; src: url('/fonts/inter.{rs(HEX, 16)}.woff2'); }}\n"),
            ("youtube.md", f"Watch: https://www.youtube.com/watch?v={rs(B64URL, 11)}\n"),
            ("s3.txt", f"https://acme-assets.s3.amazonaws.com/uploads/{'-'.join(rs(HEX, n) for n in (8, 4, 4, 4, 12))}/report.pdf\n"),
            ("build.log", f"Step 4/9 : RUN npm ci\n ---> Running in {rs(HEX, 12)}\n ---> {rs(HEX, 12)}\nSuccessfully built {rs(HEX, 12)}\n"),
            ("bitcoin.txt", f"Donations: bc1q{rs('qpzry9x8gf2tvdw0s3jn54khce6mua7l', 38)}\n"),
            ("gradle.properties", f"org.gradle.jvmargs=-Xmx2g\nandroid.useAndroidX=true\nkotlin.build.report.id={rs(HEX, 16)}\n"),
        ]
        neg("random", *blobs[i])
    # Test code with obviously fake credentials (a human would not mark these).
    tests = [
        ("tests/test_auth.py", "def test_login_rejects_wrong_password(client):\n    r = client.post('/login', data={'user': 'alice', 'password': 'wrong-password'})\n    assert r.status_code == 401\n"),
        ("spec/user_spec.rb", "let(:user) { User.new(email: 'a@example.com', password: 'password', password_confirmation: 'password') }\n"),
        ("src/test/java/LoginTest.java", "@Test void rejectsEmpty() { assertThrows(() -> login(\"admin\", \"\")); }\n"),
        ("__tests__/auth.test.js", "it('hides the password field', () => {\n  render(<Login />);\n  expect(screen.getByLabelText('Password')).toHaveAttribute('type', 'password');\n});\n"),
        ("docker-compose.test.yml", "services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: postgres\n"),
        ("tests/conftest.py", "@pytest.fixture\ndef db_url():\n    return 'postgresql://test:test@localhost/test'\n"),
    ]
    for fname, text in tests:
        neg("test-dummy", fname, text)
    # Prose about passwords and tokens (notes, runbooks, commit-message-like text).
    prose = [
        ("notes.txt", "Rotate the database password every 90 days; the new one goes into Vault, never into this file.\n"),
        ("RUNBOOK.md", "If the token expired, ask #platform for a new one. Passwords are in 1Password under \"Prod DB\".\n"),
        ("CHANGELOG.md", "- Fixed: the password reset token was valid for 7 days instead of 1 hour.\n"),
        ("docs/security.md", "We store password hashes with Argon2id (m=64MiB, t=3, p=4); tokens are SHA-256 hashed at rest.\n"),
        ("todo.txt", "TODO: move SMTP password out of settings.py into the secret store\nTODO: revoke the old deploy token\n"),
        ("email.eml", "Subject: Your password was changed\n\nHi Alice, the password for your account was changed on 3 May.\n"),
        ("faq.txt", "Q: I forgot my password.\nA: Use 'Forgot password?' on the login page; support never asks for your password.\n"),
        ("commit-msg.txt", "Remove hard-coded token from config\n\nThe token is now read from TOKEN_FILE.\n"),
    ]
    for fname, text in prose:
        neg("prose", fname, text)


def outside_shapes():
    """Decoy shapes first seen as blocking false positives on outside code (PyPI source distributions
    of ansible, airflow, django, sqlalchemy, sentry-sdk), rewritten here: no random draws, so adding
    them changes no earlier case."""
    shapes = [
        ("i18n/locales/el/admin.json", "{\n  \"connections\": {\n    \"login\": \"Σύνδεση\",\n    \"password\": \"Κωδικός\"\n  }\n}\n"),
        ("ui/public/i18n/locales/ca/admin.json", "{\n  \"form\": {\n    \"password\": \"Contrasenya\",\n    \"schema\": \"Esquema\"\n  }\n}\n"),
        ("doc/build/core/engines.rst", "Create an engine::\n\n    engine = create_engine(\"mysql+mysqldb://scott:tiger@mysql80/test\")\n"),
        ("examples/asyncio/basic.py", "engine = create_async_engine(\n    \"postgresql+asyncpg://scott:tiger@localhost/test\", echo=True\n)\n"),
        ("ui/dist/assets/editor-4f2a9c.js", "update(e){this.lineCharOffset=e,this.lineTokenOffset=this.lineCharOffset===0?0:this.tokens.length}\n"),
        ("plugins/connection/pkcs11.py", "if self.use_pkcs11:\n    password_prompt = PKCS11_DEFAULT_PROMPT\n"),
        ("tests/integrations/test_sigv4.py", "AUTH = (\n    \"AWS4-HMAC-SHA256 \"\n    \"Credential=test/20260804/eu-west-1/secretsmanager/aws4_request, \"\n)\n"),
        ("src/airflow/utils/db.py", "Connection(\n    conn_id=\"ftp_default\",\n    login=\"airflow\",\n    password=\"airflow\",\n)\n"),
        ("config_templates/config.yml", "sql_alchemy_conn_async:\n  example: \"postgresql+asyncpg://postgres:airflow@postgres/airflow\"\n"),
        ("secrets/local_filesystem.py", "\"\"\"Connections file, one a line:\n\n    MY_CONN_ID=my-conn-type://my-login:my-pa%2Fssword@my-host:5432/my-schema\n\"\"\"\n"),
        ("django/db/backends/mysql/client.py", "        if password:\n            # `ps` shows it, and --password suffers from the same flaw\n            args += [\"--password=%s\" % password]\n"),
        ("tests/forms_tests/test_forms.py", "data = {\n    \"password1\": \"FORBIDDEN_VALUE2\",\n    \"password2\": \"FORBIDDEN_VALUE2\",\n}\n"),
    ]
    for fname, text in shapes:
        neg("outside-shape", fname, text)


def main():
    if os.path.exists(CASES):
        shutil.rmtree(CASES)
    os.makedirs(CASES)
    counts = {}
    passwords()
    connection_strings()
    tokens()
    longtail()
    hashes()
    encoded()
    keys()
    archives()
    negatives()
    outside_shapes()
    for c in manifest:
        counts[c["class"]] = counts.get(c["class"], 0) + 1
    with open(os.path.join(HERE, "cases.yaml"), "w") as out:
        out.write("# The labelled detection corpus (issue 13): one entry per case, written by make-corpus.py.\n"
                  "# file: path under cases/ (ARCHIVE!MEMBER for a file inside an archive)\n"
                  "# class: what kind of secret the case holds (negative-<group> for decoys, which expect nothing)\n"
                  "# expect: the credentials a reviewer would mark: line (or lines: [first, last]) and, when it is\n"
                  "#   a literal in the file, secret; decoded: the plaintext an encoded span holds (informational);\n"
                  "#   kind: token, password, password-hash, private-key or keystore (informational). No line: any line.\n"
                  "version: 1\ncases:\n")
        for c in manifest:
            out.write("  - " + json.dumps(c, ensure_ascii=False) + "\n")
    pos = sum(1 for c in manifest if not c["class"].startswith("negative"))
    print(f"{len(manifest)} cases: {pos} positive, {len(manifest) - pos} negative")
    for k in sorted(counts):
        print(f"  {k}: {counts[k]}")


if __name__ == "__main__":
    main()
