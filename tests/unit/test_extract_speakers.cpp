// Speakers: attribution verbs, pronouns, Chinese, titles by date, mentions, unknown people, joint
// subjects, and passages for the seed.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "shared/extract/extract.h"
#include "shared/extract/knowledge.h"
#include "shared/extract/speakers.h"
#include "tests/unit/test_default_knowledge.h"

namespace {

using Names = std::vector<std::string>;

const readouts::Knowledge& knowledge() { return readouts::testing::default_knowledge(); }

readouts::Attribution attribute(const std::string& text, const std::string& iso = "2025-11-24") {
  std::vector<std::string> paragraphs;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t e = text.find("\n\n", pos);
    if (e == std::string::npos) e = text.size();
    if (e > pos) paragraphs.push_back(text.substr(pos, e - pos));
    pos = e + 2;
  }
  return readouts::attribute_speakers(paragraphs, knowledge(), iso);
}

}  // namespace

TEST_CASE("attribution verbs make speakers") {
  struct Row {
    const char* text;
    Names speakers;
  };
  const Row rows[] = {
      {"President Xi noted that the talks were good.", {"Xi Jinping"}},
      {"Trump said the deal was done.", {"Donald J. Trump"}},
      {"Wang Yi stressed that Taiwan is part of China.", {"Wang Yi"}},
      {"Blinken emphasized the importance of dialogue.", {"Antony Blinken"}},
      {"Xi Jinping pointed out that cooperation benefits both.", {"Xi Jinping"}},
      {"President Biden called for restraint.", {"Joe Biden"}},
      {"Foreign Ministry spokesperson Lin Jian told reporters that China opposes it.",
       {"Lin Jian"}},
      {"Mao Ning said China's position is clear.", {"Mao Ning"}},
      {"“We will respond,” said Rubio.", {"Marco Rubio"}},
      {"The talks were useful, according to Bessent.", {"Scott Bessent"}},
      {"Trump also on Monday said he would visit.", {"Donald J. Trump"}},
      {"Yellen, speaking in Guangzhou, said overcapacity is a concern.", {"Janet Yellen"}},
      {"Bessent's remarks drew attention in Beijing.", {"Scott Bessent"}},
      {"Xi said X, and Trump said Y.", {"Xi Jinping", "Donald J. Trump"}},
  };
  for (const Row& r : rows) {
    std::string text = r.text;
    CAPTURE(text);
    CHECK(attribute(r.text).speakers == r.speakers);
  }
}

TEST_CASE("people only mentioned are mentions not speakers") {
  auto a = attribute("President Xi noted that they had a successful meeting in Busan with Trump.");
  CHECK(a.speakers == Names{"Xi Jinping"});
  CHECK(a.mentions == Names{"Donald J. Trump"});
  auto b = attribute("Neither Xi nor Trump has publicly commented on the talks.");
  CHECK(b.speakers.empty());
  CHECK(b.mentions == Names{"Xi Jinping", "Donald J. Trump"});
  auto c = attribute(
      "Xie Feng said he hoped students would come, noting that Xi Jinping had "
      "announced an invitation.");
  CHECK(c.speakers == Names{"Xie Feng"});
  auto d = attribute("Miller also said Secretary Blinken had raised the cases with Wang Yi.");
  CHECK(std::find(d.speakers.begin(), d.speakers.end(), "Antony Blinken") == d.speakers.end());
  auto e = attribute("Trump did not say whether he would meet Xi.");
  CHECK(e.speakers.empty());
}

TEST_CASE("pronouns carry the last speaker forward") {
  auto a = attribute(
      "President Xi said the talks were good.\n\n“We re-calibrated the course,” he "
      "added.\n\nPresident Xi outlined China’s position. He underscored that Taiwan "
      "matters.");
  REQUIRE(a.passages.size() == 3);
  for (const auto& p : a.passages) CHECK(p.speaker == "Xi Jinping");
  auto b = attribute("He said nothing.");  // no antecedent: nobody
  CHECK(b.speakers.empty());
}

TEST_CASE("chinese attribution in both scripts") {
  struct Row {
    const char* text;
    Names speakers;
  };
  const Row rows[] = {
      {"习近平指出，中美关系很重要。", {"Xi Jinping"}},
      {"習近平強調，台灣問題是核心利益。", {"Xi Jinping"}},
      {"特朗普表示，美方欢迎中国留学生。", {"Donald J. Trump"}},
      {"川普表示，美中關係非常重要。", {"Donald J. Trump"}},
      {"外交部发言人毛宁表示，中方坚决反对。", {"Mao Ning"}},
      {"中國外交部發言人毛寧31日表示，香港是法治社會。", {"Mao Ning"}},
      {"外交部发言人张晓明表示，中方坚决反对。", {"张晓明"}},
      {"习近平指出，要加强合作。他强调，要排除干扰。", {"Xi Jinping"}},
      {"双方同意继续沟通。", {}},
  };
  for (const Row& r : rows) {
    std::string text = r.text;
    CAPTURE(text);
    CHECK(attribute(r.text).speakers == r.speakers);
  }
}

TEST_CASE("titles resolve to people by the article date") {
  CHECK(attribute("The U.S. president said tariffs would stay.", "2024-06-01").speakers ==
        Names{"Joe Biden"});
  CHECK(attribute("The U.S. president said tariffs would stay.", "2025-06-01").speakers ==
        Names{"Donald J. Trump"});
  CHECK(attribute("The U.S. president said tariffs would stay.", "2019-06-01").speakers ==
        Names{"Donald J. Trump"});
  CHECK(attribute("美国总统表示，关税将维持。", "2022-03-01").speakers == Names{"Joe Biden"});
  CHECK(attribute("The Chinese foreign minister said talks were useful.", "2023-03-01").speakers ==
        Names{"Qin Gang"});
  CHECK(attribute("The Chinese foreign minister said talks were useful.", "2024-03-01").speakers ==
        Names{"Wang Yi"});
  // Undated, or dated only to a year with two holders: an ambiguous title names nobody.
  CHECK(attribute("The U.S. president said tariffs would stay.", "").speakers.empty());
  CHECK(attribute("The U.S. president said tariffs would stay.", "2025").speakers.empty());
  CHECK(attribute("The U.S. president said tariffs would stay.", "2023").speakers ==
        Names{"Joe Biden"});
  // A title followed by a name is that name, not the title's holder.
  CHECK(attribute("U.S. President Joe Biden said so.", "2025-06-01").speakers ==
        Names{"Joe Biden"});
  // The knowledge API agrees.
  const readouts::Person* p = knowledge().find_person_by_title("the U.S. president", "2021-03-01");
  REQUIRE(p != nullptr);
  CHECK(p->name == "Joe Biden");
}

TEST_CASE("unknown people who clearly speak are kept as written") {
  CHECK(attribute("John Smith, a senior fellow at Brookings, said the talks mattered.").speakers ==
        Names{"John Smith"});
  CHECK(attribute("Agriculture Secretary Brooke Rollins said it was great news.").speakers ==
        Names{"Brooke Rollins"});
  auto a = attribute("Thai Prime Minister Srettha Thavisin visited.\n\n“Welcome,” Srettha said.");
  CHECK(a.speakers == Names{"Srettha Thavisin"});
  // Organizations and places are not people.
  CHECK(attribute("The China Coast Guard said the ship approached.").speakers.empty());
  CHECK(attribute("The Global Times said the move was wrong.").speakers.empty());
  CHECK(attribute("China's commerce ministry said the rules were unfair.").speakers.empty());
  CHECK(attribute("The White House said the call was candid.").speakers.empty());
  CHECK(attribute("Officials said the call was candid.").speakers.empty());
}

TEST_CASE("joint subjects name nobody on purpose") {
  auto a = attribute(
      "The two presidents also discussed the Ukraine crisis. President Xi emphasized "
      "peace.");
  CHECK(a.speakers == Names{"Xi Jinping"});
  REQUIRE(a.passages.size() == 2);
  CHECK(a.passages[0].speaker.empty());
  CHECK(a.passages[1].speaker == "Xi Jinping");
  auto b = attribute("The two sides agreed to keep talking.");
  CHECK(b.speakers.empty());
  // "what we agreed to" inside someone's remarks does not interrupt them.
  auto c = attribute(
      "President Trump noted that Xi is great. The two sides are implementing what "
      "we agreed to in Busan.");
  CHECK(c.passages.size() == 1);
}

TEST_CASE("transcript labels attribute the answer") {
  auto a = attribute("CCTV: What is China's comment?\n\nMao Ning: The report is biased.");
  CHECK(a.speakers == Names{"Mao Ning"});
  REQUIRE(a.passages.size() == 2);
  CHECK(a.passages[0].speaker.empty());
  CHECK(a.passages[1].speaker == "Mao Ning");
}

TEST_CASE("the seed passages have the right speakers") {
  std::ifstream in(std::string(READOUTS_SOURCE_DIR) + "/corpus/000_0f0202814826d5c4.txt");
  REQUIRE(in.good());
  std::stringstream ss;
  ss << in.rdbuf();
  auto out = readouts::extract_articles(ss.str(), {"seed.txt", "txt", "seed"}, knowledge(), {});
  REQUIRE(out.articles.size() == 1);
  const auto& a = out.articles[0];
  CHECK(a.speakers == Names{"Xi Jinping", "Donald J. Trump"});
  CHECK(a.mentions.empty());
  auto speaker_of = [&](const std::string& needle) {
    for (const auto& p : a.passages)
      if (p.text.find(needle) != std::string::npos) return p.speaker;
    return std::string("<not found>");
  };
  CHECK(speaker_of("President Trump noted") == "Donald J. Trump");
  CHECK(speaker_of("China was a big part of the victory") == "Donald J. Trump");
  CHECK(speaker_of("He underscored") == "Xi Jinping");
  CHECK(speaker_of("he added") == "Xi Jinping");
  CHECK(speaker_of("The two presidents also discussed").empty());
  CHECK(speaker_of("President Xi emphasized") == "Xi Jinping");
}

TEST_CASE("honorifics and titles alone are not speakers") {
  // "总统先生" is "Mr. President": after the role word 总统, 先生 must not be read as a name.
  struct Row {
    const char* text;
    Names speakers;
  };
  const Row rows[] = {
      {"习近平指出，我赞赏总统先生强调美国政府坚持奉行一个中国政策。", {"Xi Jinping"}},
      {"习近平表示，主席先生说得很对。", {"Xi Jinping"}},
      {"王毅說，大使先生表示願意加強溝通。", {"Wang Yi"}},
      {"王毅表示，部长女士强调了合作的重要性。", {"Wang Yi"}},
      {"外交部发言人总统阁下表示欢迎。", {}},
      {"Wang Yi said, Mr. President stressed the importance of the talks.", {"Wang Yi"}},
      {"Madam Secretary said the talks were useful.", {}},
      {"His Excellency said the talks were useful.", {}},
  };
  for (const Row& r : rows) {
    auto a = attribute(r.text, "2017-02-10");
    CAPTURE(r.text);
    CHECK(a.speakers == r.speakers);
  }
  // The unknown-name rule still reads a name after a role word.
  CHECK(attribute("外交部发言人张三表示，中方欢迎。").speakers == Names{"张三"});
}

TEST_CASE("a closing wire attribution names the speaker after an earlier verb") {
  // "China welcomed ..." is an attribution with an unresolved subject; the sentence's speaker is
  // the one named after the comma at its end.
  CHECK(attribute("China welcomed the pledge, foreign ministry spokesman Lu Kang said at a "
                  "regular briefing on Friday.")
            .speakers == Names{"Lu Kang"});
  // Reported content is still not attributed: no comma before the subject, or "said that".
  CHECK(attribute("Miller said Blinken had raised the issue.").speakers.size() <= 1);
  CHECK(
      attribute("Wang Yi said the talks, which Blinken said were useful, would go on.").speakers ==
      Names{"Wang Yi"});
}

TEST_CASE("a question asking whether someone spoke does not make them a speaker") {
  CHECK(attribute("Bloomberg: Has President Xi confirmed whether he will meet President Biden?\n\n"
                  "Lin Jian: We will release information in due course.")
            .speakers == Names{"Lin Jian"});
  CHECK(attribute("Did Trump say the tariffs would stay?", "2025-11-24").speakers.empty());
  // A statement that ends with a question in quotes still attributes it.
  CHECK(attribute("Trump said, “Why not?”", "2025-11-24").speakers == Names{"Donald J. Trump"});
}

TEST_CASE("a surname resolves to a name given earlier after 'Secretary of <Department>'") {
  CHECK(attribute("The talks were hosted by Secretary of Defense Jamal Horton in Washington.\n\n"
                  "Horton said the two militaries had agreed to keep talking.")
            .speakers == Names{"Jamal Horton"});
}
