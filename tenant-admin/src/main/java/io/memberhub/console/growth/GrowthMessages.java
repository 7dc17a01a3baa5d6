package io.memberhub.console.growth;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the growth value screens; Chinese here, English in {@code messages/growth_en.properties}. */
@MessageBundle(value = "growth", locale = "zh")
public interface GrowthMessages {

    @Message("成长值")
    String growth();

    @Message("成长值规则")
    String title();

    @Message("成长值决定会员等级,不能消费;积分是会员的货币。在等级的升级条件里选择「成长值」即可按成长值定级。")
    String intro();

    @Message("订单")
    String orders();

    @Message("每消费多少分(1 元 = 100 分)")
    String spend_unit();

    @Message("每满上述金额获得成长值")
    String growth_per_spend_unit();

    @Message("每笔订单另得成长值")
    String growth_per_order();

    @Message("0 表示不送。退款按退款比例扣回该订单得到的成长值。")
    String zero_off();

    @Message("行为")
    String activities();

    @Message("每行一种行为:类型 = 成长值, 每日次数上限, app。例如 LOGIN = 5, 1 或 REVIEW = 20, 2;次数上限留空或写 - 表示不限;写 app 表示会员 App 自己上报的也算(否则只算商户系统、设备和平台记录的)。购物按订单计,不能写 PURCHASE。")
    String activities_hint();

    @Message("近 12 个月 {n}")
    String last_12_months(long n);

    @Message("{#when reason}{#is 'ORDER'}订单{#is 'REFUND'}退款扣回{#is 'ACTIVITY'}行为{#is 'ADJUSTMENT'}手动调整{#else}{reason}{/when}")
    String reason(String reason);
}
