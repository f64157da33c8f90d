#!/usr/bin/env bash
# Replays the reproductions of the hardening issue against the published build (Release, Production, SQLite),
# as an outside prober would: curl only, no test framework. Prints each request with what it answered; not a
# pass/fail test (the regression tests are in tests/). Needs curl.
#   bash scripts/probe-published.sh
# APP_DIR=<a published folder> skips publishing.
set -uo pipefail
cd "$(dirname "$0")/.."
port=5096
base="http://127.0.0.1:$port"
article="/publications/rsis-commentary-series/co13046-us-china-cyber-talks-internet-security-in-the-global-economy"
work=$(mktemp -d)
trap 'kill "${pid:-}" 2>/dev/null || true; [ -n "${KEEP:-}" ] && cp "$work/app.log" "$KEEP"; rm -rf "$work"' EXIT
app=${APP_DIR:-$work/app}
if [ -z "${APP_DIR:-}" ]; then
  dotnet publish src/Rsis.Portal.Web -c Release -o "$app" --nologo -v q >/dev/null || exit 1
fi
export ASPNETCORE_ENVIRONMENT=Production Site__PublicBaseUrl="$base" ConnectionStrings__Sqlite="Data Source=$work/probe.db"
run() { exec dotnet "$app/Rsis.Portal.Web.dll" "$@" --contentRoot "$app"; }

admin_password=$( (run create-admin prober@example.org) 2>&1 | sed -n 's/^Password[^:]*: *//p')
# The sign-in limit (10 a minute from one address) raised, so the timing below measures sign-ins, not 429s.
(run --urls "$base" --Admin:SignInPermitsPerWindow 1000) >"$work/app.log" 2>&1 &
pid=$!
until curl -fs -o /dev/null "$base/"; do kill -0 "$pid" 2>/dev/null || { cat "$work/app.log"; exit 1; }; sleep 0.2; done

show() { printf '%-72s %s\n' "$1" "$2"; }
status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
feedback_token() { curl -s -c "$1" -b "$1" "$base/feedback/token" | sed 's/.*"token":"\([^"]*\)".*/\1/'; }
form_token() { curl -s -c "$1" -b "$1" "$base$2" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
sign_in() { # jar
  local t; t=$(form_token "$1" /admin/login)
  curl -s -o "$work/signed-in.html" -w '%{http_code}' -c "$1" -b "$1" -d "__RequestVerificationToken=$t" \
    --data-urlencode "Email=prober@example.org" --data-urlencode "Password=$admin_password" "$base/admin/login"
}

echo "== 5. X-Forwarded-For from loopback (feedback limit 5 a minute; sent from 127.0.0.5, so the rest has its own limit)"
jar=$work/xff; t=$(feedback_token "$jar"); answers=""
for i in 1 2 3 4 5 6; do answers+="$(status --interface 127.0.0.5 -b "$jar" -H "RequestVerificationToken: $t" -H "X-Forwarded-For: 10.1.2.$i" -H 'Accept: application/json' -d "Rating=4" "$base/feedback") "; done
show "six posts, each naming another address" "$answers"

echo "== 1. Form bodies that cannot be read"
jar=$work/visitor; t=$(feedback_token "$jar")
show "POST /feedback multipart without a boundary" "$(status -b "$jar" -H "RequestVerificationToken: $t" -H 'Content-Type: multipart/form-data' --data-binary x "$base/feedback")"
show "POST /feedback multipart cut off" "$(status -b "$jar" -H "RequestVerificationToken: $t" -H 'Content-Type: multipart/form-data; boundary=b' --data-binary $'--b\r\nContent-Disposition: form-data; name="Rating"\r\n\r\n5' "$base/feedback")"
fields=$(for i in $(seq 1 2000); do printf 'f%d=x&' "$i"; done)
show "POST /feedback 2,000 fields" "$(status -b "$jar" -H "RequestVerificationToken: $t" --data "${fields}Rating=5" "$base/feedback")"
show "POST /feedback 40 KB body" "$(status -b "$jar" -H "RequestVerificationToken: $t" --data "Rating=5&Liked=$(head -c 40960 /dev/zero | tr '\0' a)" "$base/feedback")"
lt=$(form_token "$work/login" /admin/login)
show "POST /admin/login multipart without a boundary" "$(status -b "$work/login" -H "RequestVerificationToken: $lt" -H 'Content-Type: multipart/form-data' --data-binary x "$base/admin/login")"

echo "== 2. Signing out ends the session"
staff=$work/staff
show "sign in" "$(sign_in "$staff") $(grep -o 'validation-summary[^>]*>[^<]*<[^>]*>[^<]*' "$work/signed-in.html" | sed 's/.*>//')"
cp "$staff" "$work/kept"
show "GET /admin with the cookie" "$(status -b "$staff" "$base/admin")"
lo=$(form_token "$staff" /admin)
show "POST /admin/logout" "$(status -b "$staff" -c "$staff" -d "__RequestVerificationToken=$lo" "$base/admin/logout")"
show "GET /admin with the cookie kept from before signing out" "$(status -b "$work/kept" "$base/admin")"

echo "== 6. HEAD"
for path in / /publications /publications/rsis-commentary-series "$article" "$article.pdf" /feeds/publications.rss /sitemap.xml /robots.txt /search?q=cyber; do
  show "HEAD $path" "$(curl -s -o /dev/null -I -w '%{http_code} (GET %{http_code})' "$base$path" | cut -d' ' -f1) / GET $(status "$base$path")"
done

echo "== The host is pinned to Site:PublicBaseUrl ($base); health"
show "GET / with Host: evil.example" "$(status -H 'Host: evil.example' "$base/")"
show "GET / over HTTP/1.0 with no Host" "$(status --http1.0 -H 'Host:' "$base/")"
show "GET /sitemap.xml with X-Forwarded-Host: evil.example, first <loc>" "$(curl -s -H 'X-Forwarded-Host: evil.example' "$base/sitemap.xml" | grep -m1 -o '<loc>[^<]*' | sed 's/<loc>//')"
show "GET /health/live, /health/ready" "$(status "$base/health/live") $(status "$base/health/ready")"

echo "== 8. A file that only starts with %PDF- (upload)"
printf '%%PDF-1.4\n<html><script>alert(1)</script>\n%%%%EOF' >"$work/fake.pdf"
sign_in "$staff" >/dev/null
up=$(form_token "$staff" /admin/publications/1/pdf)
show "POST /admin/publications/1/pdf with the 46-byte fake" "$(status -b "$staff" -F "__RequestVerificationToken=$up" -F "File=@$work/fake.pdf;type=application/pdf" "$base/admin/publications/1/pdf")"
show "  the article's PDF is still the typeset one" "$(curl -s "$base$article.pdf" | head -c 8 | tr -d '\n') $(curl -s -o /dev/null -w '%{size_download} bytes' "$base$article.pdf")"
show "  ?inline=true Content-Security-Policy" "$(curl -s -D - -o /dev/null "$base$article.pdf?inline=true" | grep -i '^content-security-policy' | tr -d '\r' | sed 's/.*sandbox.*/has sandbox/')"

echo "== 12. Sign-in time, known vs unknown email (median of 8, ms)"
time_sign_in() { local t; t=$(form_token "$work/timing" /admin/login)
  curl -s -o /dev/null -w '%{time_total}\n' -b "$work/timing" -d "__RequestVerificationToken=$t" --data-urlencode "Email=$1" -d "Password=wrong-password-$RANDOM" "$base/admin/login"; }
median() { sort -n | sed -n '4p;5p' | awk '{ sum += $1 } END { printf "%.0f", sum / 2 * 1000 }'; }
# Four wrong passwords, then a good sign-in (the count starts again), so the account never locks.
known=$(for round in 1 2; do for i in 1 2 3 4; do time_sign_in prober@example.org; done; sign_in "$work/reset" >/dev/null; done | median)
unknown=$(for i in $(seq 1 8); do time_sign_in "nobody$i@example.org"; done | median)
show "known email, wrong password" "$known"
show "unknown email" "$unknown"

echo "== 13. Error pages asked for directly"
for path in /error/999 /error/-1 /error/500; do show "GET $path" "$(status "$base$path")"; done

echo "== log: lines at Error or worse during the probe"
grep -c '"@l":"\(Error\|Fatal\)"' "$work/app.log" || true
