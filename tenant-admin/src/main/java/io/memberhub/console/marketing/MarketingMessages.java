package io.memberhub.console.marketing;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the tag, segment and campaign screens; Chinese here, English in {@code messages/marketing_en.properties}. */
@MessageBundle(value = "marketing", locale = "zh")
public interface MarketingMessages {

    @Message("标签")
    String tags();

    @Message("人群")
    String segments();

    @Message("营销活动")
    String campaigns();

    @Message("还没有标签")
    String no_tags();

    @Message("名称")
    String name();

    @Message("说明")
    String description();

    @Message("类型")
    String kind();

    @Message("会员数")
    String members();

    @Message("{#if kind == 'RULE'}规则标签{#else}手动标签{/if}")
    String tag_kind(String kind);

    @Message("{#if status == 'QUEUED'}等待评估{#else}评估中：{processed} / {total}{/if}")
    String tag_evaluating(String status, int processed, Integer total);

    @Message("删除")
    String delete();

    @Message("取消")
    String cancel();

    @Message("新建标签")
    String new_tag();

    @Message("修改标签")
    String edit_tag();

    @Message("规则(JSON,可选)")
    String rule();

    @Message("留空为手动标签。例如 累计消费满 5000 元:{|{\"match\": \"ALL\", \"conditions\": [{\"metric\": \"SPEND\", \"op\": \"GTE\", \"value\": 500000}]}|}(金额以分计)")
    String rule_hint();

    @Message("新建人群")
    String new_segment();

    @Message("人群保存的是筛选条件,人数随标签和等级实时变化。")
    String segments_hint();

    @Message("还没有人群")
    String no_segments();

    @Message("{total} 位会员")
    String member_count(long total);

    @Message("带有以下全部标签")
    String with_tags();

    @Message("不带以下任何标签")
    String without_tags();

    @Message("处于以下任一等级(不选为全部)")
    String at_levels();

    @Message("处于这些生命周期阶段(不选:全部)")
    String in_stages();

    @Message("RFM 得分")
    String rfm_scores();

    @Message("每项 1–5 分,5 为最好;勾选的分数之一即可,不选:不限。未消费的会员没有得分。")
    String rfm_scores_hint();

    @Message("{#when d}{#is 'recencyScores'}近度{#is 'frequencyScores'}频度{#is 'monetaryScores'}金额{#else}{d}{/when}")
    String rfm_dimension(String d);

    @Message("性别")
    String gender();

    @Message("不限")
    String any_gender();

    @Message("{#switch gender}{#case 'MALE'}男{#case 'FEMALE'}女{#else}未透露{/switch}")
    String gender_name(String gender);

    @Message("注册来源")
    String source();

    @Message("资料字段")
    String field_values();

    @Message("每行一项:字段 = 值")
    String field_values_hint();

    @Message("当前会员(最新 20 位)")
    String members_now();

    @Message("暂时没有会员")
    String nobody();

    @Message("新建营销活动")
    String new_campaign();

    @Message("营销设置:免打扰时段与频次上限")
    String settings_title();

    @Message("还没有营销活动")
    String no_campaigns();

    @Message("触发时机")
    String trigger();

    @Message("时机")
    String occasion();

    @Message("对象")
    String audience();

    @Message("全部会员")
    String everyone();

    @Message("状态")
    String status();

    @Message("{#if status == 'ACTIVE'}进行中{#else}已暂停{/if}")
    String status_name(String status);

    @Message("触达")
    String reached();

    @Message("购买会员")
    String buyers();

    @Message("{#switch trigger}{#case 'WELCOME'}新会员欢迎{#case 'BIRTHDAY'}生日关怀{#case 'DORMANT'}沉睡唤醒{#case 'POINTS_EXPIRING'}积分即将过期{#case 'COUPON_EXPIRING'}优惠券即将过期{#case 'LEVEL_UP'}等级提升{#case 'STAGE_ENTERED'}进入生命周期阶段{#else}等级下降{/switch}")
    String trigger_choice(String trigger);

    @Message("{#switch trigger}{#case 'WELCOME'}注册 {days} 天内{#case 'BIRTHDAY'}生日前 {days} 天{#case 'DORMANT'}{days} 天未下单{#case 'POINTS_EXPIRING'}积分 {days} 天内过期{#case 'COUPON_EXPIRING'}优惠券 {days} 天内过期{#case 'LEVEL_UP'}等级提升{#case 'STAGE_ENTERED'}进入生命周期阶段{#else}等级下降{/switch}")
    String trigger_name(String trigger, int days);

    @Message("进入的阶段")
    String entered_stage();

    @Message("仅用于“进入生命周期阶段”:会员进入该阶段(且仍在其中)时触达一次")
    String entered_stage_hint();

    @Message("天数")
    String days();

    @Message("欢迎:注册后几天内;生日:提前几天;沉睡:多少天未下单;过期提醒:几天内过期。留空用默认值")
    String days_hint();

    @Message("目标等级")
    String to_level();

    @Message("任意等级")
    String any_level();

    @Message("仅用于等级提升/下降")
    String to_level_hint();

    @Message("赠送")
    String gives();

    @Message("优惠券")
    String coupon();

    @Message("不送券")
    String no_coupon();

    @Message("赠送积分")
    String points();

    @Message("{points} 积分")
    String points_given(long points);

    @Message("效果观察天数")
    String effect_days();

    @Message("触达后多少天内的订单计入效果(1-90,默认 7)")
    String effect_days_hint();

    @Message("消息")
    String message_label();

    @Message("渠道")
    String channel();

    @Message("不发消息")
    String no_message();

    @Message("{#switch channel}{#case 'LOG'}日志(试用){#case 'SMS'}短信{#else}插件渠道{/switch}")
    String channel_name(String channel);

    @Message("插件渠道")
    String plugin_channel();

    @Message("仅插件渠道:插件ID:渠道,例如 wechat-login:TEMPLATE_MESSAGE")
    String plugin_channel_hint();

    @Message("内容")
    String text();

    @Message("内容中可写 {|{name}|} 代表会员姓名")
    String text_hint();

    @Message("创建")
    String create();

    @Message("免打扰时段")
    String quiet_hours();

    @Message("此时段内不发送任何营销(商户时区,HH:mm;都留空表示不设)")
    String quiet_hours_hint();

    @Message("开始")
    String quiet_start();

    @Message("结束")
    String quiet_end();

    @Message("频次上限")
    String cap();

    @Message("所有活动合计,每位会员在若干天内最多收到几次")
    String cap_hint();

    @Message("最多次数")
    String max_sends();

    @Message("天数")
    String per_days();

    @Message("现在是免打扰时段,本次没有发送")
    String ran_quiet();

    @Message("已运行:触达 {sent} 人,跳过 {skipped} 人,消息失败 {failed} 条")
    String ran(int sent, int skipped, int failed);

    @Message("试运行")
    String dry_run();

    @Message("立即运行")
    String run_now();

    @Message("暂停")
    String pause();

    @Message("恢复")
    String resume();

    @Message("现在运行将触达 {send} 人,跳过 {skip} 人(不会真的发送)")
    String would(int send, int skip);

    @Message("现在是免打扰时段")
    String quiet_now();

    @Message("{#switch outcome}{#case 'SENT'}已触达{#case 'SKIPPED_CAP'}超出频次上限{#case 'SKIPPED_OPTED_OUT'}已退订营销{#case 'HELD_OUT'}对照组(未发送){#else}{outcome}{/switch}")
    String outcome_name(String outcome);

    @Message("效果")
    String results();

    @Message("跳过")
    String skipped();

    @Message("消息已发送")
    String messages_sent();

    @Message("消息失败")
    String messages_failed();

    @Message("发出优惠券")
    String coupons_issued();

    @Message("优惠券已核销")
    String coupons_redeemed();

    @Message("{days} 天内订单")
    String orders_within(int days);

    @Message("跳过原因:频次上限 {cap} 人,已退订 {optedOut} 人")
    String skipped_detail(long cap, long optedOut);

    @Message("{n} 条消息待发送")
    String pending(long n);

    @Message("发送记录")
    String send_log();

    @Message("还没有发送记录")
    String no_sends();

    @Message("时间")
    String when();

    @Message("会员")
    String member();

    @Message("结果")
    String outcome();

    @Message("{#switch status}{#case 'SENT'}已发送{#case 'FAILED'}失败{#else}待发送{/switch}")
    String message_status(String status);

    @Message("A/B 测试")
    String ab_test();

    @Message("还没有 A/B 测试。设置后,此后触达的会员按稳定哈希分到各组,各组可换优惠券、积分或文案,对照组不发送只记录。")
    String no_ab_test();

    @Message("{#if status == 'RUNNING'}进行中{#else}已结束{/if} · 下单转化窗口 {days} 天")
    String ab_status(String status, int days);

    @Message("分组")
    String arm();

    @Message("比例(%)")
    String weight();

    @Message("内容")
    String variant();

    @Message("对照组")
    String control();

    @Message("同活动")
    String as_campaign();

    @Message("转化会员")
    String converted();

    @Message("转化率")
    String conversion_rate();

    @Message("与 {baseline} 之差")
    String difference(String baseline);

    @Message("95% 置信区间")
    String interval();

    @Message("显著")
    String significant();

    @Message("转化:发送(或对照组记录)后若干天内下单(未全额退款)的会员。差值的 95% 置信区间按两比例之差的正态近似计算;区间不含 0 时标为显著。")
    String ab_hint();

    @Message("比例合计须为 100;留空分组名的行不计入。分组开始分配会员后不能再修改。")
    String ab_setup_hint();

    @Message("转化窗口(天)")
    String conversion_days();

    @Message("开始测试")
    String start_test();

    @Message("结束测试")
    String end_test();

    @Message("用户旅程")
    String journeys();

    @Message("新建旅程")
    String new_journey();

    @Message("还没有旅程")
    String no_journeys();

    @Message("旅程按步骤依次触达会员:每步在上一步之后等待一段时间,满足条件时发券、送积分或发消息,遵守免打扰时段、频次上限和退订。")
    String journeys_hint();

    @Message("进入条件")
    String entry();

    @Message("触发")
    String entry_trigger();

    @Message("{#switch trigger}{#case 'REGISTERED'}注册成为会员{#case 'TAG_ADDED'}被打上标签{#case 'EVENT'}发生事件{#else}{trigger}{/switch}")
    String entry_name(String trigger);

    @Message("标签(被打上标签时)")
    String entry_tag();

    @Message("事件类型(发生事件时)")
    String entry_event();

    @Message("如 OrderRecorded、LevelChanged")
    String entry_event_hint();

    @Message("提前退出")
    String exit_when();

    @Message("{#switch exit}{#case 'ORDERED'}下单后{#case 'OPTED_OUT'}退订营销后{#case 'TAG_REMOVED'}标签被移除后{#else}{exit}{/switch}")
    String exit_name(String exit);

    @Message("{#switch reason}{#case 'ORDERED'}已下单{#case 'OPTED_OUT'}已退订{#case 'TAG_REMOVED'}标签已移除{#case 'MEMBER_GONE'}会员已注销{#else}条件不满足{/switch}")
    String exit_reason(String reason);

    @Message("步骤")
    String steps();

    @Message("等待时长用 ISO-8601 写法:P3D 为 3 天,PT12H 为 12 小时,PT0M 为立即。留空步骤名的行不计入。")
    String steps_hint();

    @Message("步骤")
    String step_name();

    @Message("等待")
    String delay();

    @Message("条件")
    String condition();

    @Message("{#switch condition}{#case 'ALWAYS'}总是{#case 'COUPON_UNUSED'}优惠券未使用{#case 'HAS_ORDERED'}已下单{#case 'NOT_ORDERED'}未下单{#else}{condition}{/switch}")
    String condition_name(String condition);

    @Message("不满足时")
    String if_unmet();

    @Message("{#switch choice}{#case 'SKIP'}跳过此步{#case 'WAIT'}等到满足{#case 'EXIT'}退出旅程{#else}{choice}{/switch}")
    String if_unmet_name(String choice);

    @Message("{#switch status}{#case 'ACTIVE'}进行中{#case 'PAUSED'}已暂停{#else}草稿{/switch}")
    String journey_status(String status);

    @Message("启用")
    String activate();

    @Message("已运行:新进入 {entered} 人,触达 {reached} 步,跳过 {skipped} 步,完成 {completed} 人,退出 {exited} 人")
    String journey_ran(int entered, int reached, int skipped, int completed, int exited);

    @Message("漏斗")
    String funnel();

    @Message("进入")
    String entered();

    @Message("旅程中")
    String in_journey();

    @Message("完成")
    String completed();

    @Message("提前退出")
    String exited();

    @Message("等待中")
    String waiting();
}
