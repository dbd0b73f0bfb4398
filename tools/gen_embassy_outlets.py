#!/usr/bin/env python3
"""Writes the Chinese embassies' sites into data/outlets.json (ids "prc_embassy_<code>").

Chinese embassies repost the Foreign Ministry's readouts on hosts named by the country's code
(bb.chineseembassy.org, mk.china-embassy.gov.cn). Country names come from Debian's iso-codes
(ISO 3166-1 and its zh_CN translation). Entries with those ids are replaced, others are kept;
run again after editing this file. Usage: tools/gen_embassy_outlets.py [data/outlets.json]
"""
import gettext
import json
import sys

ISO = "/usr/share/iso-codes/json/iso_3166-1.json"
ZH = "/usr/share/locale/zh_CN/LC_MESSAGES/iso_3166-1.mo"
# Codes with no Chinese embassy of their own, and the one already in the data (the US embassy).
SKIP = {"CN", "TW", "HK", "MO", "US"}
# Names written with "the" in English prose.
WITH_THE = {"Bahamas", "Central African Republic", "Comoros", "Cook Islands", "Czech Republic",
            "Dominican Republic", "Gambia", "Maldives", "Marshall Islands", "Netherlands",
            "Philippines", "Solomon Islands", "United Arab Emirates", "United Kingdom",
            "Holy See", "Democratic Republic of the Congo", "Republic of the Congo"}
# The embassy sites' own labels where they are not the ISO code.
HOST_LABEL = {"GB": "uk"}
SHORT = {"Korea, Republic of": "South Korea", "Korea, Democratic People's Republic of":
         "North Korea", "Congo, The Democratic Republic of the": "Democratic Republic of the Congo",
         "Congo": "Republic of the Congo", "Czechia": "Czech Republic", "Türkiye": "Turkey",
         "Viet Nam": "Vietnam", "Russian Federation": "Russia", "Lao People's Democratic Republic":
         "Laos", "Syrian Arab Republic": "Syria", "Brunei Darussalam": "Brunei",
         "Moldova, Republic of": "Moldova", "Tanzania, United Republic of": "Tanzania",
         "Palestine, State of": "Palestine", "Micronesia, Federated States of": "Micronesia"}


def english_name(country):
    name = country.get("common_name") or country["name"]
    name = SHORT.get(country["name"], SHORT.get(name, name))
    return ("the " + name) if name in WITH_THE else name


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "data/outlets.json"
    with open(ISO, encoding="utf-8") as f:
        countries = json.load(f)["3166-1"]
    with open(ZH, "rb") as f:
        zh = gettext.GNUTranslations(f)
    entries = []
    for c in sorted(countries, key=lambda c: c["alpha_2"]):
        code = c["alpha_2"]
        if code in SKIP:
            continue
        en = english_name(c)
        zh_name = zh.gettext(c["name"])
        label = HOST_LABEL.get(code, code.lower())
        aliases = [f"Chinese Embassy in {en}", f"Embassy of the People's Republic of China in {en}"]
        if zh_name != c["name"]:
            aliases += [f"中国驻{zh_name}大使馆", f"中华人民共和国驻{zh_name}大使馆"]
        entries.append({"id": "prc_embassy_" + code.lower(), "name": f"Embassy of the PRC in {en}",
                        "kind": "official", "country": "CN", "aliases": aliases,
                        "hosts": [f"{label}.china-embassy.gov.cn", f"{label}.chineseembassy.org",
                                  f"{label}.china-embassy.org"]})
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    kept = [o for o in data["outlets"] if not o["id"].startswith("prc_embassy_")]
    data["outlets"] = kept + entries
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"{len(entries)} embassies written to {path}")


if __name__ == "__main__":
    main()
