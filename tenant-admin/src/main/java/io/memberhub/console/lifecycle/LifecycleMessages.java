package io.memberhub.console.lifecycle;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the lifecycle page and the portrait's lifecycle card; Chinese here, English in {@code messages/lifecycle_en.properties}. */
@MessageBundle(value = "lifecycle", locale = "zh")
public interface LifecycleMessages {

    @Message("会员生命周期")
    String lifecycle();

    @Message("{#when s}{#is 'PROSPECT'}潜在客户{#is 'NEW'}新会员{#is 'ACTIVE'}活跃{#is 'AT_RISK'}有流失风险{#is 'DORMANT'}沉睡{#is 'WON_BACK'}已召回{#else}首次进入{/when}")
    String stage(String s);

    @Message("当前分布")
    String distribution();

    @Message("共 {total} 位会员")
    String total(long total);

    @Message("阶段流转")
    String flow();

    @Message("按周")
    String weekly();

    @Message("按月")
    String monthly();

    @Message("这段时间没有会员变换阶段")
    String no_moves();

    @Message("流失预警")
    String warnings();

    @Message("购买频率低于自身习惯、但规则尚未判为有流失风险的会员。")
    String warnings_hint();

    @Message("目前没有需要预警的会员")
    String no_warnings();

    @Message("{#when r}{#is 'LATE'}迟迟未购{#is 'SLOWING'}购买放缓{#else}{r}{/when}")
    String reason(String r);

    @Message("价值金字塔")
    String pyramid();

    @Message("按 RFM 得分(近度、频度、金额各 1–5 分)之和分层;消费为最近 {days} 天扣除退款后的金额。")
    String pyramid_hint(int days);

    @Message("{#when c}{#is 'TOP'}顶级价值{#is 'HIGH'}高价值{#is 'MEDIUM'}中等价值{#is 'LOW'}低价值{#is 'NONE'}未消费{#else}{c}{/when}")
    String value_class(String c);

    @Message("{n} 人")
    String people(long n);

    @Message("元")
    String yuan();

    @Message("阶段规则")
    String rules();

    @Message("天数与单数均为整数。有流失风险的天数须少于沉睡天数,活跃统计窗口不短于有流失风险的天数,召回期不长于沉睡天数。保存后所有会员立即按新规则归入阶段。")
    String rules_hint();

    @Message("注册后多少天内算新会员")
    String newDays();

    @Message("多少天未下单为有流失风险")
    String atRiskDays();

    @Message("多少天未下单为沉睡")
    String dormantDays();

    @Message("活跃至少需要的订单数")
    String activeOrders();

    @Message("活跃订单的统计窗口(天)")
    String activeWindowDays();

    @Message("沉睡后再次下单算已召回的天数")
    String wonBackDays();

    @Message("立即评估")
    String evaluate();

    @Message("评估完成:{changes} 位会员变换了阶段,{rescored} 位会员的 RFM 得分有变化")
    String evaluated(int changes, int rescored);

    @Message("生命周期阶段")
    String member_stage();

    @Message("尚未评估")
    String not_evaluated();

    @Message("RFM 得分")
    String rfm();

    @Message("近度 {r} · 频度 {f} · 金额 {m}")
    String rfm_scores(int r, int f, int m);

    @Message("还没有 RFM 得分(未消费或尚未评分)")
    String no_rfm();

    @Message("阶段变化")
    String stage_history();
}
