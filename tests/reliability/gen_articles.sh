#!/usr/bin/env bash
# Deterministic generator of N Markdown readouts for the load and soak scripts (the C++ tests use
# tests/reliability/article_gen.h). Usage: gen_articles.sh N DIR [SEED]
set -euo pipefail
n="$1"
dir="$2"
seed="${3:-1}"
mkdir -p "$dir"
awk -v n="$n" -v dir="$dir" -v seed="$seed" 'BEGIN {
  split("talks trade tariffs Taiwan climate export controls fentanyl cooperation dialogue summit security candid constructive military channels students visas soybeans chips Beijing Washington sanctions", w, " ");
  nw = 23; s = seed * 7919 + 17;
  split("Xi_Jinping Joe_Biden Wang_Yi Antony_Blinken Donald_J._Trump Li_Qiang Janet_Yellen He_Lifeng", sp, " ");
  for (i = 0; i < n; i++) {
    f = sprintf("%s/g%06d.md", dir, i);
    printf("---\nid: load-%d-%d\ntitle: Readout %d on %s and %s\ndate: %04d-%02d-%02d\nsource: Generator\nlanguage: en\n---\n\n", seed, i, i, w[1 + i % nw], w[1 + (i * 7) % nw], 2015 + i % 11, 1 + i % 12, 1 + i % 28) > f;
    for (p = 0; p < 4; p++) {
      who = sp[1 + (i + p) % 8]; gsub("_", " ", who);
      line = who " said that";
      for (k = 0; k < 30; k++) { s = (s * 1103515245 + 12345) % 2147483648; line = line " " w[1 + int(s / 65536) % nw]; }
      print line ".\n" > f;
    }
    close(f);
  }
}'
