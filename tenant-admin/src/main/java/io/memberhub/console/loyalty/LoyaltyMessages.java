package io.memberhub.console.loyalty;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the points, stored value and coupon screens; Chinese here, English in {@code messages/loyalty_en.properties}. */
@MessageBundle(value = "loyalty", locale = "zh")
public interface LoyaltyMessages {

    @Message("积分")
    String points();

    @Message("储值")
    String wallet();

    @Message("优惠券")
    String coupons();

    @Message("积分设置")
    String points_title();

    @Message("获得积分")
    String earning();

    @Message("每消费 1 元获得积分")
    String points_per_yuan();

    @Message("积分有效期(天)")
    String validity_days();

    @Message("每笔积分自获得之日起计算")
    String validity_hint();

    @Message("会员日")
    String member_day();

    @Message("不设会员日")
    String no_member_day();

    @Message("{#switch day}{#case 1}周一{#case 2}周二{#case 3}周三{#case 4}周四{#case 5}周五{#case 6}周六{#else}周日{/switch}")
    String weekday(int day);

    @Message("会员日积分倍率(%)")
    String member_day_percent();

    @Message("200 表示双倍积分")
    String member_day_percent_hint();

    @Message("时区")
    String time_zone();

    @Message("品类积分比例(%)")
    String category_percents();

    @Message("每行一个品类,例如 生鲜 = 150;未列出的品类按 100%")
    String category_percents_hint();

    @Message("使用积分")
    String redeeming();

    @Message("多少积分抵 1 元")
    String redeem_points_per_yuan();

    @Message("每单最多抵扣比例(%)")
    String max_redeem_percent();

    @Message("签到与资料")
    String sign_in_title();

    @Message("每日签到积分")
    String sign_in_points();

    @Message("连续签到天数")
    String streak_days();

    @Message("连续签到奖励积分")
    String streak_bonus();

    @Message("完善资料奖励积分")
    String profile_completion_points();

    @Message("0 表示不奖励")
    String zero_off();

    @Message("储值赠送")
    String wallet_title();

    @Message("会员一次充值达到某金额即获赠送金额,按满足的最高档赠送。留空的行会被删除。")
    String wallet_hint();

    @Message("充值满(元)")
    String tier_min();

    @Message("赠送(元)")
    String tier_bonus();

    @Message("第 {n} 档")
    String tier(int n);

    @Message("还没有赠送档位")
    String no_tiers();

    @Message("充 {pay} 元,得 {hold} 元")
    String tier_reads(String pay, String hold);

    @Message("优惠券模板")
    String coupons_title();

    @Message("还没有优惠券模板")
    String no_coupons();

    @Message("名称")
    String name();

    @Message("类型")
    String kind();

    @Message("{#if kind == 'PERCENT_OFF'}折扣券{#else}满减券{/if}")
    String kind_name(String kind);

    @Message("优惠")
    String value();

    @Message("减免金额(元),或折扣百分比(20 表示减 20%)")
    String value_hint();

    @Message("减 {value} 元")
    String amount_off(String value);

    @Message("减 {value}%")
    String percent_off(long value);

    @Message("最低消费(元)")
    String min_spend();

    @Message("无门槛")
    String no_min_spend();

    @Message("有效期(天)")
    String coupon_validity();

    @Message("积分兑换价")
    String points_price();

    @Message("留空表示不能用积分兑换")
    String points_price_hint();

    @Message("新建优惠券模板")
    String new_coupon();

    @Message("创建")
    String create();

    @Message("已创建")
    String created();

    @Message("模板创建后不能修改或下架(平台暂无此接口)。")
    String coupons_final();
}
