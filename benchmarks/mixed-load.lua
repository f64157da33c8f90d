-- A reader-like mix for wrk: every other request is a search for words nobody searched before (each one a
-- new output-cache entry), the rest the home page, the article and its PDF, listings, the feed, the sitemap
-- and a static file. Each thread stops after its share of the requests and leaves a file "<dir>/done-<n>";
-- wrk itself runs until -d is over, so the caller stops it (SIGINT) once every thread has left its file.
-- That makes a run a fixed amount of work whatever the machine's speed:
--   wrk -t2 -c16 -d600s -s benchmarks/mixed-load.lua http://127.0.0.1:5093 -- <requests> <threads> <static path> <dir> [round]
-- A later round (a number) searches for words of its own, so it too fills the cache with new pages.
local article = "/publications/rsis-commentary-series/co13046-us-china-cyber-talks-internet-security-in-the-global-economy"
local pages = {
  "/", article, "/publications", "/publications/rsis-commentary-series", "/publications/rsis-commentary-series?year=2013",
  "/feeds/publications.rss", "/sitemap.xml", article .. ".pdf", "/search?q=cyber",
}
local created = 0

function setup(thread)
  created = created + 1
  thread:set("id", created)
end

function init(args)
  share = math.ceil((tonumber(args[1]) or 20000) / (tonumber(args[2]) or 1))
  table.insert(pages, args[3] or "/favicon.ico")
  done_file = (args[4] or "/tmp") .. "/done-" .. id
  round = args[5] or "1"
  sent = 0
  answered = 0
end

function request()
  sent = sent + 1
  if sent % 2 == 0 then
    -- A word of its own, alone or beside a real one: a new page to render and to cache.
    local word = string.format("zq%sr%dx%d", round, id, sent)
    local q = (sent % 4 == 0) and word or ("cyber+" .. word)
    return wrk.format("GET", "/search?q=" .. q)
  end
  return wrk.format("GET", pages[math.floor(sent / 2) % #pages + 1])
end

function response(status, headers, body)
  answered = answered + 1
  if answered == share then
    io.open(done_file, "w"):close()
    wrk.thread:stop()
  end
end
