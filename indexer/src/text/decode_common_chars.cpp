// The character lists below were written for Zhisou from general knowledge of Chinese,
// Korean and Japanese character frequencies (rank order is approximate; only membership
// matters). The Traditional lists are the Simplified ones put through ICU's Hans-Hant
// transliterator once, keeping the characters that differ. GB2312 and Big5 level 1 are derived
// at start-up from ICU's own converters, so they cannot drift from the decoder's tables.
#include "text/decode_common_chars.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <zhisou/text/utf8.h>

#include "text/decode_charsets.h"
#include "text/decode_convert.h"

namespace zhisou::text::detail {
namespace {

constexpr std::string_view kFrequentSimplified =
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发"
    "后作里用道行所然家种事成方"
    "多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它"
    "与长把机十民第公此已工使情"
    "明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西"
    "斯月话合回特代内信表化老给"
    "世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神"
    "总何电数安少报才结反受目太"
    "量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却"
    "界达光放强即像难且权思王象"
    "完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞"
    "风步改收根干造言联持组每济"
    "车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百"
    "需价花党华城石级整府离况亚"
    "请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装"
    "广显吧阿李标谈吃图念六引历"
    "首医局突专费号尽另周较注语仅考落青随选列";
constexpr std::string_view kCommonSimplified =
    "武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例"
    "防族供效续施留讲型料终答紧"
    "黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助"
    "倒育属坐帝限船脸职速刻乐否"
    "刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初"
    "喜卫源食险待述陆习置居劳财"
    "环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗"
    "积余痛检差富灵协角占配征修"
    "皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背"
    "阵草脚概恶块顿敢守酒岛托央"
    "户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域"
    "沙掉括舰鱼杂误湾吉减编楚肯"
    "测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康虑幸均销钟诗藏"
    "赶剧票损忽巨炮旧端探湖录叶"
    "春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟"
    "授诺伦岸奥唐卖俄炸载洛健堂"
    "旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶玉镇雪午练迫爷篇肉嘴馆遍凡础洞卷坦牛宁纸诸训私庄祖丝翻"
    "暴森塔默握戏隐熟骨访弱蒙歌"
    "店鬼软典欲萨伙遭盘爸扩盖弄雄稳忘亿刺拥徒姆杨齐赛趣曲刀床迎冰虚玩析窗醒妻透购替塞努休虎扬途侵刑"
    "绿兄迅套贸毕唯谷轮库迹尤竞"
    "街促延震弃甲伟麻川申缓潜闪售灯针哲络抵朱埃抱鼓植纯夏忍页杰筑折郑贝尊吴秀混臣雅振染盛怒舞圆搞狂"
    "措姓残秋培迷诚宽宇猛摆梅毁"
    "伸摩盟末乃悲拍丁赵硬麦蒋操耶阻订彩抽赞魔纷沿喊违妹浪汇币丰蓝殊献桌啦瓦莱援译夺汽烧距裁偏符勇触"
    "课敬哭懂墙袭召罚侠厅拜巧侧"
    "韩冒债曼融惯享戴童犹乘挂奖绍厚纵障讯涉彻刊丈爆乌役描洗玛患妙镜唱烦签仙彼弗症仿倾牌陷鸟轰咱菜闭"
    "奋庆撤泪茶疾缘播朗杜奶季丹"
    "狗尾仪偷奔珠虫驻孔宜艾桥淡翼恨繁寒伴叹旦愈潮粮缩罢聚径恰挑袋灰捕徐珍幕映裂泰隔启尖忠累炎暂估泛"
    "荒偿横拒瑞忆孤鼻闹羊呆厉衡"
    "胞零穷舍码赫婆魂灾洪腿胆津俗辩胸晓劲贫仁偶辑邦恢赖圈摸仰润堆碰艇稍迟辆废净凶署壁御奉旋冬矿抬蛋"
    "晨伏吹鸡倍糊秦盾杯租骑乏隆"
    "诊奴摄丧污渡旗甘耐凭扎抢绪粗肩梁幻菲皆碎宙叔岩荡综爬荷悉蒂返井壮薄悄扫敏碍殖详迪矛霍允幅撒剩凯"
    "颗骂赏液番箱贴漫酸郎腰舒眉"
    "忧浮辛恋餐吓挺励辞艘键伍峰尺昨黎辈贯侦滑券崇扰宪绕趋慈乔阅汗枝拖墨胁插箭腊粉泥氏彭拔骗凤慧媒佩"
    "愤扑龄驱惜豪掩兼跃尸肃帕驶"
    "堡届欣惠册储飘桑闲惨洁踪勃宾频仇磨递邪撞拟滚奏巡颜剂绩贡疯坡瞧截燃焦殿伪柳锁逼颇昏劝呈搜勤戒驾"
    "漂饮曹朵仔柔俩孟腐幼践籍牧"
    "凉牲佳娜浓芳稿竹腹跌逻垂遵脉貌柏狱猜怜惑陶兽帐饰贷昌叙躺钢沟寄扶铺邓寿惧询汤盗肥尝匆辉奈扣廷澳"
    "嘛董迁凝慰厌脏腾幽怨鞋丢埋"
    "泉涌辖躲晋紫艰魏吾慌祝邮吐狠鉴曰械咬邻赤挤弯椅陪割揭韦悟聪雾锋梯猫祥阔誉筹丛牵鸣沈阁穆屈旨袖猎"
    "臂蛇贺柱抛鼠瑟戈牢逊迈欺吨"
    "琴衰瓶恼燕仲诱狼池疼卢仗冠粒遥吕玄尘冯抚浅敦纠钻晶岂峡苍喷耗凌敲菌赔涂粹扁亏寂煤熊恭湿循暖糖赋"
    "抑秩帽哀宿踏烂袁侯抖夹昆肝"
    "擦猪炼恒慎搬纽纹玻渔磁铜齿跨押怖漠疲叛遣兹祭醉拳弥斜档稀捷肤疫肿豆削岗晃吞宏癌肚隶履涨耀扭坛拨"
    "沃绘伐堪仆郭牺歼墓雇廉契拼"
    "惩捉覆刷劫嫌瓜歇雕闷乳串娃缴唤赢莲霸桃妥瘦搭赴岳嘉舱俊址庞耕锐缝悔邀玲惟斥宅添挖呵讼氧浩羽斤酷"
    "掠妖祸侍乙妨贪挣汪尿莉悬唇"
    "翰仓轨枚盐览傅帅庙芬屏寺胖璃愚滴疏萧姿颤丑劣柯寸扔盯辱匹俱辨饿蜂哦腔郁溃谨糟葛苗肠忌溜鸿爵鹏鹰"
    "笼丘桂滋聊挡纲肌茨壳痕碗穴"
    "膀卓贤卧膜毅锦欠哩函茫昂薛皱夸豫胃舌剥傲拾窝睁携陵哼棉晴铃填饲渴吻扮逆脆喘罩卜炉柴愉绳胎蓄眠竭"
    "喂傻慕浑奸扇柜悦拦诞饱乾泡"
    "贼亭夕爹酬儒姻卵氛泄杆挨僧蜜吟猩遂狭肖甜霜揽泊勾";
constexpr std::string_view kFrequentTraditional =
    "這個們來為國說時會對於過發後種經麼學現當沒動還進樣開從實軍無與長機關點業將兩間問並應戰頭體見產"
    "話內給門兒東聲員論處義幾認"
    "條氣題爾別變總電數報結務場計資許統區隊決馬書則聽卻達強難權設記類據邊張該規萬覺術領確傳師觀讓識"
    "帶導爭運飛風聯組濟車親極辦"
    "議證轉遠單羅愛擊備連調質團價黨華級離況亞請際約復線斷滿視須寫稱嗎輕農裝廣顯標談圖歷醫專費號盡較"
    "語僅隨選";
constexpr std::string_view kCommonTraditional =
    "紅響雖勢參眾構節維敵陳態護興驗責營夠嚴續講終緊黃絕項圍織鬥雙紀採舉殺蘇訴細願錢網熱屬臉職樂剛狀"
    "獨彈創錯蘭試腦預誰陽繼驚傷"
    "藥適衛險陸習勞財環納歡獲負雲龍樹層衝範異漢簡擔靜積檢靈協佔徵揮勝階審堅媽劉讀壓銀買養懷執亂幫歲"
    "優鐵稅藝陣腳惡塊頓島戶評寶"
    "釋顧貨歐換聞壞討麗監臨艦魚雜誤灣減編測敗夢溫劍漸貴槍樓縣畫遺謝魯慮銷鐘詩趕劇損舊錄葉鄉禮婦歸飯"
    "額順輸搖脫補謂療澤滅筆鮮詞"
    "聖擇尋廠煙諾倫奧賣載宮陰園謀榮孫頂鎮練爺館礎寧紙諸訓莊絲戲隱訪軟薩盤擴蓋穩億擁楊齊賽虛購揚綠貿"
    "畢輪庫跡競棄偉緩潛閃燈針絡"
    "純頁傑築鄭貝吳圓殘誠寬擺毀趙麥蔣訂贊紛違匯幣豐藍獻萊譯奪燒觸課牆襲罰俠廳側韓債慣猶掛獎紹縱訊徹"
    "烏瑪鏡煩簽傾鳥轟閉奮慶淚緣"
    "儀蟲駐橋嘆糧縮罷徑啓暫償橫憶鬧厲窮捨碼災膽辯曉勁貧輯賴潤遲輛廢淨礦雞騎診攝喪憑搶緒蕩綜壯掃礙詳"
    "凱顆罵賞貼憂戀嚇勵辭鍵輩貫"
    "偵擾憲繞趨喬閱脅臘騙鳳憤撲齡驅躍屍肅駛屆冊儲飄閒慘潔蹤賓頻遞擬滾顏劑績貢瘋偽鎖頗勸駕飲倆踐涼濃"
    "邏脈獄憐獸帳飾貸敘鋼溝鋪鄧"
    "壽懼詢湯盜嘗輝遷厭髒騰丟湧轄晉艱郵鑒鄰擠彎韋聰霧鋒貓闊譽籌叢牽鳴閣獵賀拋遜邁噸惱誘盧遙呂塵馮撫"
    "淺糾鑽豈峽蒼噴賠塗虧濕賦爛"
    "夾豬煉恆紐紋漁銅齒茲彌檔膚腫崗隸漲壇撥繪僕犧殲懲悶繳喚贏蓮艙龐銳縫訟禍貪掙懸倉軌鹽覽帥廟蕭顫醜"
    "餓潰謹腸鴻鵬鷹籠擋綱殼賢臥"
    "錦皺誇剝窩睜攜鈴飼爐繩餵渾櫃悅攔誕飽賊洩桿狹攬"
    // Written Cantonese (Hong Kong news quotes speech): not in the Simplified lists.
    "嘅咗喺冇嚟唔佢啲嘢睇咁乜嗰咩喇囉";

constexpr std::string_view kFrequentHangul =
    "이다는의에하고을가지한서기로리사도나자들대어수시인정아보게요해주라전부일국만상구장그있것제"
    "적우으여등성화원문과신마중면경동때없말내생미방비소위년세관회공개계연를은께야되니까했습학람"
    "합또많물모무안오외운유입작저좋진차체출통평표행현후히달데든러려록른린며명못바발번법변본분불"
    "살새선설속순스실심씨알양얼업영왜용월음잘점조좀줄집째처치터트파할함향호희";

constexpr std::string_view kFrequentKana =
    "のにはをたがてでとしいるすかなっまれらこもうんくつきありさおだよけえせそちどねみめやわ"
    "ーンストルイクリラタドプレアシカフィ";

constexpr char32_t kHanFirst = 0x4E00;
constexpr char32_t kHanLast = 0x9FFF;

// Every two-byte code with a lead in [lead_first, lead_last] and a trail in either range.
std::string all_codes(unsigned lead_first, unsigned lead_last, unsigned low_trail_first,
                      unsigned low_trail_last, unsigned high_trail_first,
                      unsigned high_trail_last) {
    std::string bytes;
    for (unsigned lead = lead_first; lead <= lead_last; ++lead) {
        for (unsigned trail = 0x40; trail <= 0xFE; ++trail) {
            const bool in_low = trail >= low_trail_first && trail <= low_trail_last;
            const bool in_high = trail >= high_trail_first && trail <= high_trail_last;
            if (in_low || in_high) {
                bytes.push_back(static_cast<char>(lead));
                bytes.push_back(static_cast<char>(trail));
            }
        }
    }
    return bytes;
}

class HanTable {
public:
    HanTable() : m_class(kHanLast - kHanFirst + 1, static_cast<std::uint8_t>(HanFrequency::rare)) {
        // Level 1: GB2312 rows 0xB0-0xD7 and Big5 0xA440-0xC67E (trail bytes 0x40-0x7E and
        // 0xA1-0xFE). Codes outside the Han range (or unassigned) are ignored.
        const std::string gb_level1 = all_codes(0xB0, 0xD7, 0x100, 0, 0xA1, 0xFE);
        mark(utf8::to_code_points(
                 convert_to_utf8(gb_level1, charsets::gb18030().icu_name.c_str()).text),
             HanFrequency::level1);
        std::string big5_level1 = all_codes(0xA4, 0xC6, 0x40, 0x7E, 0xA1, 0xFE);
        big5_level1.resize(big5_level1.size() - 2 * (0xFE - 0xA1 + 1)); // C6A1.. is not level 1
        mark(utf8::to_code_points(
                 convert_to_utf8(big5_level1, charsets::big5().icu_name.c_str()).text),
             HanFrequency::level1);
        for (std::string_view list : {kCommonSimplified, kCommonTraditional}) {
            mark(utf8::to_code_points(list), HanFrequency::common);
        }
        for (std::string_view list : {kFrequentSimplified, kFrequentTraditional}) {
            mark(utf8::to_code_points(list), HanFrequency::top);
        }
    }

    [[nodiscard]] HanFrequency get(char32_t cp) const {
        if (cp < kHanFirst || cp > kHanLast) {
            return HanFrequency::rare;
        }
        return static_cast<HanFrequency>(m_class[cp - kHanFirst]);
    }

private:
    // Later calls overwrite earlier ones, so mark from the weakest class to the strongest.
    void mark(const std::u32string& chars, HanFrequency frequency) {
        for (const char32_t cp : chars) {
            if (cp >= kHanFirst && cp <= kHanLast) {
                m_class[cp - kHanFirst] = static_cast<std::uint8_t>(frequency);
            }
        }
    }

    std::vector<std::uint8_t> m_class;
};

std::u32string sorted_code_points(std::string_view utf8) {
    std::u32string set = utf8::to_code_points(utf8);
    std::sort(set.begin(), set.end());
    return set;
}

} // namespace

HanFrequency han_frequency(char32_t cp) {
    static const HanTable table;
    return table.get(cp);
}

bool is_frequent_hangul(char32_t cp) {
    static const std::u32string set = sorted_code_points(kFrequentHangul);
    return cp >= 0xAC00 && cp <= 0xD7A3 && std::binary_search(set.begin(), set.end(), cp);
}

bool is_frequent_kana(char32_t cp) {
    static const std::u32string set = sorted_code_points(kFrequentKana);
    return cp >= 0x3041 && cp <= 0x30FF && std::binary_search(set.begin(), set.end(), cp);
}

} // namespace zhisou::text::detail
