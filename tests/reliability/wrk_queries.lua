-- wrk script: each connection rotates through 50 API requests (searches of every kind, filters,
-- pages, sorts, facets, article lists, stats, health). Used by tools/load_test.sh and soak.sh.
local paths = {
  "/api/search?q=Taiwan,+Xi,+2025", "/api/search?q=talks", "/api/search?q=trade+tariffs",
  "/api/search?q=%22export+controls%22", "/api/search?q=fentanyl&sort=date",
  "/api/search?q=climate&sort=oldest", "/api/search?q=soybeans&page=2",
  "/api/search?q=chips&per_page=50", "/api/search?q=summit&facets=0",
  "/api/search?q=", "/api/search?q=&sort=date&page=5", "/api/search?q=tariff*",
  "/api/search?q=secur*+OR+sanction*", "/api/search?q=Xi+Jinping+Taiwan",
  "/api/search?q=Wang+Yi+Blinken", "/api/search?q=Biden+climate+2021",
  "/api/search?q=Trump+trade+2025", "/api/search?q=speaker:xi+taiwan",
  "/api/search?q=date:2020..2022+visas", "/api/search?q=students+NOT+visas",
  "/api/search?q=Beijing+Washington+dialogue", "/api/search?q=candid+constructive",
  "/api/search?q=military+channels", "/api/search?q=title:readout",
  "/api/search?q=cooperation&from=2018&to=2020", "/api/search?q=security&speaker=Wang+Yi",
  "/api/search?q=sanctions&topic=taiwan", "/api/search?q=talks&literal=1",
  "/api/search?q=%E5%8F%B0%E6%B9%BE", "/api/search?q=%E4%B9%A0%E8%BF%91%E5%B9%B3",
  "/api/search?q=President+Xi+June+2025", "/api/search?q=He+Lifeng+Yellen",
  "/api/search?q=Li+Qiang&sort=date", "/api/search?q=taiwn",
  "/api/search?q=%22red+line%22", "/api/search?q=(trade+OR+tariffs)+AND+soybeans",
  "/api/search?q=chips+export+controls+2023", "/api/search?q=fentanyl+cooperation&per_page=20",
  "/api/search?q=summit&from=2023-11&to=2023-11", "/api/search?q=dialogue&page=3&per_page=25",
  "/api/search?q=Blinken&facets=0&sort=date", "/api/search?q=Yellen+talks",
  "/api/search?q=climate+cooperation+Washington", "/api/search?q=w*",
  "/api/search?q=visas+students+2019", "/api/stats", "/healthz",
  "/api/search?q=military&lang=en", "/api/search?q=trade&source=Generator",
  "/api/search?q=Taiwan+question",
}
local counter = 0
function init(args)
  counter = math.random(1, #paths)
end
function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end
