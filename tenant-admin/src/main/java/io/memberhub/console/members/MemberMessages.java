package io.memberhub.console.members;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The member screens' texts; Chinese here, English in {@code messages/members_en.properties}. Used as {@code {members:key}}. */
@MessageBundle(value = "members", locale = "zh")
public interface MemberMessages {

    @Message("编辑资料")
    String edit();

    @Message("编辑会员:{name}")
    String edit_member(String name);

    @Message("姓名")
    String name();

    @Message("性别")
    String gender();

    @Message("{#when g}{#is 'MALE'}男{#is 'FEMALE'}女{#is 'UNDISCLOSED'}不透露{#else}—{/when}")
    String gender_value(String g);

    @Message("自定义字段")
    String custom_fields();

    @Message("{#when what}{#is 'profile'}资料已保存{#is 'tags'}标签已更新{#is 'points'}积分已调整{#is 'growth'}成长值已调整{#is 'wallet'}余额已调整{#else}{/when}")
    String done(String what);

    @Message("{#when what}{#is 'whole_points'}请输入大于 0 的整数积分{#is 'whole_growth'}请输入大于 0 的整数成长值{#is 'yuan_amount'}请输入大于 0 的金额(元,最多两位小数){#is 'choose_tag'}请选择一个标签或输入新标签名{#is 'forbidden'}你的角色不能做这项操作,只有所有者和管理员可以{#else}{what}{/when}")
    String check(String what);

    @Message("等级变化")
    String level_history();

    @Message("还没有等级变化")
    String no_history();

    @Message("{#when kind}{#is 'UPGRADE'}升级{#is 'DOWNGRADE'}降级{#is 'MANUAL'}手动设置{#is 'PURCHASE'}购买{#is 'PAID_EXPIRED'}付费等级到期{#else}{kind}{/when}")
    String change_kind(String kind);

    @Message("达标")
    String met();

    @Message("未达标")
    String not_met();

    @Message("储值余额")
    String wallet();

    @Message("{#when kind}{#is 'TOP_UP'}充值{#is 'BONUS'}充值赠送{#is 'PAYMENT'}支付{#is 'PAYMENT_REFUND'}支付退款{#is 'TOP_UP_REFUND'}充值退款{#is 'BONUS_REVERSAL'}赠送扣回{#is 'ADJUSTMENT'}手动调整{#else}{kind}{/when}")
    String wallet_kind(String kind);

    @Message("{#when reason}{#is 'ORDER'}订单{#is 'REFUND'}退款{#is 'EXPIRY'}过期{#is 'REDEMPTION'}抵现{#is 'REDEMPTION_CANCELLED'}抵现取消{#is 'SIGN_IN'}签到{#is 'LEVEL_GIFT'}升级礼包{#is 'ADJUSTMENT'}手动调整{#else}{reason}{/when}")
    String points_reason(String reason);

    @Message("还没有记录")
    String no_entries();

    @Message("活动")
    String activity();

    @Message("还没有活动")
    String no_activity();

    @Message("更早的活动")
    String more();

    @Message("添加标签")
    String add_tag();

    @Message("选择已有标签")
    String choose_tag();

    @Message("或新建标签")
    String new_tag();

    @Message("移除")
    String remove();

    @Message("调整积分")
    String adjust_points();

    @Message("调整余额")
    String adjust_wallet();

    @Message("调整成长值")
    String adjust_growth();

    @Message("成长值")
    String growth_amount();

    @Message("增加")
    String add();

    @Message("扣减")
    String deduct();

    @Message("积分数")
    String points_amount();

    @Message("金额(元)")
    String yuan_amount();

    @Message("原因")
    String reason();

    @Message("调整")
    String apply();

    @Message("只有所有者和管理员可以调整,每次调整都会记下原因和操作人。")
    String adjust_hint();

    @Message("分群")
    String segment();

    @Message("全部分群")
    String any_segment();

    @Message("按分群查看时,其他筛选条件不生效。")
    String segment_alone();

    @Message("自定义字段")
    String field();

    @Message("字段值")
    String field_value();
}
