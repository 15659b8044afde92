#!/usr/bin/env python3
"""Regenerate the non-UTF-8, mojibake and bad-input sample files.

Plain UTF-8 samples are committed as-is; only files whose bytes are awkward
to author by hand are produced here. Run from anywhere:

    python3 samples/tools/make_samples.py

In mojibake templates, {{kind:text}} is replaced by the mojibake that the
named wrong decode produces from `text`. spans() returns every such span so
expected.json and golden tests can check them.
"""
import os
import random
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# --- wrong decodes ---------------------------------------------------------

def sloppy_cp1252(b):
    """cp1252, but the 5 undefined bytes (81 8D 8F 90 9D) map to U+0081 etc.,
    as browsers and most real-world mojibake do."""
    out = []
    for x in b:
        try:
            out.append(bytes([x]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(x))
    return "".join(out)


def mj_cp1252(s):   # UTF-8 bytes read as Windows-1252
    return sloppy_cp1252(s.encode("utf-8"))


def mj_latin1(s):   # UTF-8 bytes read as ISO-8859-1 (leaves C1 controls)
    return s.encode("utf-8").decode("latin-1")


def mj_double(s):   # UTF-8 -> cp1252 twice
    return mj_cp1252(mj_cp1252(s))


def mj_gbk(s):      # UTF-8 bytes read as GBK; must be a clean 2-byte split
    m = s.encode("utf-8").decode("gbk")
    assert m.encode("gbk") == s.encode("utf-8"), s
    return m


def mj_cp874(s):    # UTF-8 read as Thai cp874/TIS-620, bytes 0x80-0x9F lost
    b = bytes(x for x in s.encode("utf-8") if not 0x80 <= x <= 0x9F)
    return b.decode("cp874")


WRONG = {"cp1252": mj_cp1252, "latin1": mj_latin1, "double": mj_double,
         "gbk": mj_gbk, "cp874": mj_cp874}
MARK = re.compile(r"\{\{(\w+):(.*?)\}\}", re.S)

# --- mojibake documents (UTF-8 files with mojibake spans) -------------------

MOJIBAKE = {
"mojibake/cp1252-zhipu-interview.md": """---
title: "Interview: why Zhipu bets on open weights"
date: 2025-08-05
source: The Inference Review
author: Nadia Kowalski
tags: [zhipu, interview]
org: zhipu
---
We met the product lead of Zhipu AI ({{cp1252:智谱}}) at a {{cp1252:café}} near Tsinghua University. {{cp1252:“We don’t see open weights as charity,”}} she said. {{cp1252:“GLM”}} models are released under the MIT license because developers are the company's distribution channel, she added.

Asked about competition, she said DeepSeek and Alibaba's Qwen team had pushed the whole market toward openness. "The question isn't whether to open-source, but what to keep for enterprise customers." Zhipu's next releases will focus on agents.
""",
"mojibake/latin1-c1-deepseek-pricing.txt": """DeepSeek cuts off-peak API prices
March 5, 2025 · by Owen Gallagher

DeepSeek has introduced discounted off-peak pricing for its API. {{latin1:The company’s new window — from 00:30 to 08:30 Beijing time — cuts prices by up to 75% for the R1 reasoning model.}}

Developers in Europe and North America, whose working hours overlap with the discount window, are expected to benefit most. Rival providers including Alibaba Cloud have not yet responded.
""",
"mojibake/double-cp1252-qwen-max.md": """---
title: Alibaba's Qwen2.5-Max arrives on Lunar New Year
date: 2025-01-29
source: Holiday Tech Desk
author: Grace Huang
tags: [alibaba, qwen]
org: alibaba
---
Alibaba released Qwen2.5-Max on the first day of the Lunar New Year, a large mixture-of-experts model that the company says beats DeepSeek-V3 on several benchmarks.

{{double:Unlike Qwen2.5-72B, the Max model’s weights are not open; it is offered only through the “Qwen Chat” website and Alibaba Cloud’s API.}}

Analysts noted the unusual timing, since most Chinese tech companies avoid major launches during the holiday.
""",
"mojibake/gbk-moonshot-kimi.md": """---
title: 月之暗面更新Kimi长文本能力
date: 2025-02
source: 模型动态
author: 吴桐
tags: [月之暗面, Kimi]
org: moonshot
---
月之暗面（Moonshot AI）本月更新了Kimi智能助手，重点强化了{{gbk:长上下文}}理解与数学{{gbk:推理能力}}。一位海外用户在社交媒体上写道："Moonshot{{gbk:’s}} new model feels much faster."

公司表示，新版本在处理几十万字的合同和研报时更加稳定，同时下调了API调用价格。
""",
"mojibake/cp874-scraped-minimax.txt": """{{cp874:🐼}}PandaWire | China AI Brief

{{cp874:⚡}} 30-Second TL;DR
{{cp874:•}} MiniMax released MiniMax-M1, an open-weight reasoning model with a 1-million-token context window.
{{cp874:•}} The company says reinforcement learning used a new algorithm called CISPO and cost far less than rival runs.
{{cp874:•}} Weights are on GitHub under the Apache 2.0 license.

{{cp874:💡}} Why it matters
Long context plus cheap RL makes M1 a strong base for agents that need to read whole codebases.

{{cp874:⏳}} Timeline
{{cp874:•}} MiniMax-01 series: January
{{cp874:•}} MiniMax-M1: June

{{cp874:🔥}} Read more at PandaWire.
""",
"mojibake/unrecoverable-replacement.txt": """百度智能云发布会实录（节选）
2023年11月 | 来源：会议速记

本次发布会上，百度智能云介绍了千帆大模型平台的最新进展。以下内容由现场速记整理，部分段落因转码错误已无法恢复。

千帆平台目前已接入数十个第三方模型，企业可以在平台上完成锟斤拷锟斤拷锟斤拷的全流程。演讲嘉宾还提到，文心大模型4.0的调用量\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd，较上季度明显增长。

更多细节请以百度官方发布为准。
""",
}

# literal, unrecoverable spans (not produced by a template)
LITERAL_SPANS = [
    ("mojibake/unrecoverable-replacement.txt", "kuncun", "锟斤拷锟斤拷锟斤拷", ""),
    ("mojibake/unrecoverable-replacement.txt", "fffd", "\ufffd" * 10, ""),
]


def render(template):
    return MARK.sub(lambda m: WRONG[m.group(1)](m.group(2)), template)


def spans():
    """[(path, kind, mojibake, original)] for every mojibake span."""
    out = []
    for path, t in MOJIBAKE.items():
        for m in MARK.finditer(t):
            out.append((path, m.group(1), WRONG[m.group(1)](m.group(2)), m.group(2)))
    return out + LITERAL_SPANS


# --- documents in legacy / UTF-16 encodings ---------------------------------
# path -> (python codec, add BOM?, newline, UTF-8 source text)

ENCODED = {
"encodings/gb18030-zhipu-listing.txt": ("gb18030", False, "\r\n", """智谱在香港挂牌上市，成为“大模型第一股”之一
2026年1月 | 来源：资本市场观察 | 作者：何嘉怡

北京智谱华章科技股份有限公司（智谱）本月在香港联合交易所主板挂牌，被不少媒体称为“大模型第一股”之一。招股书显示，公司收入主要来自面向政企客户的本地化部署，以及通过开放平台提供的GLM系列模型API服务。

招股书同时提示了几项风险：• 研发投入高，短期内仍处于亏损状态；• 算力成本受外部环境影响较大；• 行业竞争激烈，同类公司包括MiniMax、月之暗面等。公司表示将继续以GLM™作为核心模型品牌。
"""),
"encodings/gb18030-ernie-bot-public.md": ("gb18030", False, "\n", """---
title: 文心一言向全社会开放
date: 2023-08-31
source: 科技快讯
author: 孙立
tags: [百度, 文心一言]
org: baidu
---
百度宣布，文心一言从今天起正式向全社会开放，用户可以在应用商店下载App或登录官网体验。这是国内首批完成备案、可以面向公众提供服务的生成式人工智能产品之一。

百度方面表示，开放之后将收集真实用户的反馈，加快模型迭代。同一天获准上线的还有多家公司的大模型产品，国内大模型竞争正式进入面向大众用户的新阶段。
"""),
"encodings/big5-zhipu-glm-4-6.txt": ("cp950", False, "\n", """智譜發表GLM-4.6，上下文長度擴充至二十萬
2025年9月30日｜來源：亞太科技日報｜記者：黃柏翰

智譜今天發表GLM-4.6，將上下文視窗從十二萬八千擴充到二十萬個詞元，程式撰寫能力也進一步提升。智譜表示，新模型在真實的程式開發任務中，表現已接近國外一線的閉源模型。

這次發表也強調與國產晶片的相容性，可在寒武紀等國產加速卡上以較低精度進行推論。對台灣的開發者來說，最大的好處是可以透過API直接在既有的開發工具中試用。
"""),
"encodings/big5-computex-ai-servers.md": ("cp950", False, "\n", """---
title: 台北國際電腦展聚焦AI伺服器
date: 2024-06-04
source: 島嶼科技報
author: 吳采潔
tags: [輝達, Computex, AI伺服器]
org: nvidia
---
今年台北國際電腦展的主角是AI伺服器。輝達執行長黃仁勳在開幕前的主題演講中公布了新一代GPU架構的路線圖，並表示未來將每年推出一代新產品。

台灣的伺服器代工廠與散熱供應商紛紛展出液冷機櫃，展場溫度一度超過攝氏三十度。業者坦言，訂單能見度已經排到明年，但電力與散熱仍是最大的瓶頸。
"""),
"encodings/utf16le-bom-qwen2-5-72b.md": ("utf-16-le", True, "\n", """---
title: "Qwen2.5-72B 开源：Alibaba 的 open-weight 旗舰"
date: 2024-09-19
source: 开源情报站 OSS Intel
author: 韩磊
tags: [alibaba, qwen, open-source]
org: alibaba
---
阿里云在云栖大会上发布 Qwen2.5 系列，旗舰模型 Qwen2.5-72B-Instruct 开放下载。The team claims that Qwen2.5-72B matches much larger models on MMLU and MATH, and the series adds Qwen2.5-Coder and Qwen2.5-Math variants.

对国内开发者来说，最大的变化是 128K 上下文与更稳定的结构化输出（JSON）。Many teams report that a 4-bit quantized 72B model runs on two 48GB GPUs.
"""),
"encodings/utf16be-kimi-k1-5.md": ("utf-16-be", False, "\n", """---
title: "Kimi k1.5 与 DeepSeek-R1 同日发布"
date: 2025-01-20
source: 模型观察
author: 郑可
tags: [moonshot, kimi, reasoning]
org: moonshot
---
2025年1月20日这一天，两款中国推理模型几乎同时亮相：月之暗面发布了多模态思考模型 Kimi k1.5，深度求索则开源了 DeepSeek-R1。

Kimi k1.5 的技术报告重点介绍了长上下文强化学习（long-context RL）和 long2short 方法，即用长思维链模型的能力提升短思维链模型。不同的是，k1.5 没有开放权重，而 R1 以 MIT 协议开源，这让后者在开发者社区获得了更多关注。
"""),
"encodings/utf8-bom-claude-3.md": ("utf-8", True, "\n", """---
title: Anthropic releases the Claude 3 model family
date: 2024-03-04
source: Frontier Briefing
author: Marcus Bell
tags: [anthropic, claude]
org: anthropic
---
Anthropic has released Claude 3, a family of three models named Haiku, Sonnet and Opus. The largest, Claude 3 Opus, outperforms OpenAI's GPT-4 on several published benchmarks, according to the company, and all three models accept images as well as text.

Claude 3 Sonnet powers the free version of the claude.ai chatbot, while Opus is reserved for paying subscribers and API customers. The models are also offered through cloud platforms, including Google Cloud's Vertex AI.
"""),
"encodings/cp1252-eu-ai-act.txt": ("cp1252", False, "\r\n", """EU AI Act enters into force: what it means for model providers
1 August 2024 – by Sébastien Moreau, Brussels Tech Letter

The European Union’s Artificial Intelligence Act formally enters into force today. Most obligations apply later: bans on “unacceptable risk” systems after six months, rules for general-purpose AI models after twelve months, and most high-risk requirements after two years.

Providers of general-purpose models — including France’s Mistral AI and U.S. labs such as OpenAI and Google — must publish summaries of their training data and respect EU copyright rules. Fines can reach €35 million or 7% of global turnover. “We’ll be ready,” one Paris-based founder said over a café crème.
"""),
"html/gbk-hunyuan-video.html": ("gbk", False, "\n", """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="gbk">
<title>腾讯混元开源视频生成模型HunyuanVideo</title>
<meta name="date" content="2024-12-03">
<meta name="author" content="许文静">
<meta name="description" content="腾讯混元宣布开源130亿参数的视频生成模型。">
<style>body{font-family:"SimSun",serif} .ad{display:none}</style>
<script>var tracker = "百度统计"; window.dataLayer = window.dataLayer || [];</script>
</head>
<body>
<h1>腾讯混元开源视频生成模型HunyuanVideo</h1>
<p>腾讯混元今天宣布开源视频生成大模型HunyuanVideo，参数量达到130亿，是目前参数规模最大的开源视频生成模型之一。</p>
<p>开发者可以在GitHub上获取模型权重和推理代码。腾讯表示，该模型在画面质量、动作连贯性和文本对齐方面都有较好的表现，后续还将开放图生视频等能力。</p>
</body>
</html>
"""),
}


# --- bad inputs --------------------------------------------------------------

def bad_files():
    rnd = random.Random(20250120)
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"
    body = bytearray(rnd.getrandbits(8) for _ in range(2048 - len(png)))
    for i in range(0, len(body), 97):          # sprinkle NUL runs
        body[i:i + 4] = b"\x00\x00\x00\x00"
    invalid = ("Notes on GPU rental prices\n\n"
               "Spot prices for rented NVIDIA accelerators fell again this quarter.").encode() + \
        b"\xff" + " Several small clouds now undercut the large providers.\n".encode() + \
        "租用价格下降了约两成，".encode() + b"\xc3" + \
        " but long-term contracts are still expensive.\n".encode() + \
        b"Caf\xc3 owners are not the target market.\xff\xfe\n"
    broken = (
        '{"id":"bad-001","title":"Tencent releases Hunyuan-Large","date":"2024-11-05",'
        '"source":"Test Feed","lang":"en","text":"Tencent open-sourced Hunyuan-Large, a '
        'mixture-of-experts model with 389 billion total parameters and 52 billion active '
        'parameters."}\n'
        '{"id":"bad-002","title":"Malformed line","date":"2025-01-01","text":"this line has '
        'no closing quote or brace\n'
        '{"id":"bad-003","title":"Missing text field","date":"2025-02-02","source":"Test Feed",'
        '"lang":"en"}\n')
    return {"bad/empty.txt": b"", "bad/binary.bin": png + bytes(body),
            "bad/invalid-utf8.txt": invalid, "bad/broken.jsonl": broken.encode()}


def main():
    out = {}
    for path, t in MOJIBAKE.items():
        out[path] = render(t).encode("utf-8")
    for path, (codec, bom, nl, text) in ENCODED.items():
        text = text.replace("\n", nl)
        data = text.encode(codec)                 # strict: fails if unencodable
        if bom:
            data = ("\ufeff".encode(codec)) + data
        out[path] = data
    out.update(bad_files())
    for path, data in out.items():
        full = os.path.join(ROOT, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as f:
            f.write(data)
        print(f"{len(data):6d}  {path}")


if __name__ == "__main__":
    main()
