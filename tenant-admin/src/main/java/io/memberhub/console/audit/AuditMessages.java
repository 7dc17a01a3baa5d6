package io.memberhub.console.audit;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the audit log screen; Chinese here, English in {@code messages/audit_en.properties}.
 * Used in templates as {@code {audit:key}}.
 */
@MessageBundle(value = "audit", locale = "zh")
public interface AuditMessages {

    @Message("审计日志")
    String audit_log();

    @Message("员工的每一个操作:谁、做了什么、对象、时间和来源。记录只能查看,不能修改或删除。")
    String audit_log_lead();

    @Message("谁在何时、从哪里做了什么")
    String audit_log_card();

    @Message("时间")
    String when();

    @Message("操作人")
    String who();

    @Message("操作")
    String what();

    @Message("对象")
    String target();

    @Message("来源")
    String from_where();

    @Message("操作人邮箱")
    String actor();

    @Message("操作类型")
    String action_area();

    @Message("全部操作")
    String any_action();

    @Message("搜索邮箱、姓名或对象")
    String text();

    @Message("从")
    String from();

    @Message("到")
    String to();

    @Message("最新")
    String newest();

    @Message("更早")
    String older();

    @Message("没有符合条件的记录")
    String no_entries();

    @Message("请填写日期,例如 2026-05-01")
    String not_a_date();

    @Message("查看全部记录")
    String all_entries();

    @Message("时间按商户时区 {zone} 显示")
    String times_in(String zone);

    @Message("仅显示这个对象的记录:")
    String only_target();

    /** An action code in words; a code this console does not know yet is shown as it is. */
    @Message("{#when code}"
            + "{#is 'member.created'}新建会员"
            + "{#is 'member.updated'}修改会员资料"
            + "{#is 'member.deleted'}删除会员"
            + "{#is 'member.imported'}导入会员"
            + "{#is 'member.tagged'}给会员打标签"
            + "{#is 'member.untagged'}取下会员标签"
            + "{#is 'member.level_set'}手动设置会员等级"
            + "{#is 'member.level_evaluated'}重新评定会员等级"
            + "{#is 'member.signed_in'}为会员签到"
            + "{#is 'member.marketing_opted_out'}会员退订营销消息"
            + "{#is 'member.marketing_opted_in'}会员恢复接收营销消息"
            + "{#is 'points.adjusted'}手动调整积分"
            + "{#is 'points.redeemed'}积分抵现"
            + "{#is 'points.redemption_cancelled'}取消积分抵现"
            + "{#is 'wallet.adjusted'}手动调整储值"
            + "{#is 'wallet.topped_up'}储值充值"
            + "{#is 'wallet.top_up_refunded'}充值退款"
            + "{#is 'wallet.paid'}储值支付"
            + "{#is 'wallet.payment_refunded'}储值支付退款"
            + "{#is 'order.recorded'}记录订单"
            + "{#is 'order.refunded'}订单退款"
            + "{#is 'coupon.issued'}发放优惠券"
            + "{#is 'coupon.redeemed'}核销优惠券"
            + "{#is 'coupon.purchased'}积分兑换优惠券"
            + "{#is 'coupon_template.created'}新建优惠券模板"
            + "{#is 'visit.recorded'}记录到店"
            + "{#is 'level.created'}新建等级"
            + "{#is 'level.saved'}修改等级"
            + "{#is 'level.deleted'}删除等级"
            + "{#is 'level.purchased'}购买付费等级"
            + "{#is 'level.review_started'}开始等级复核"
            + "{#is 'staff.invited'}邀请员工"
            + "{#is 'staff.role_changed'}修改员工角色"
            + "{#is 'staff.removed'}移除员工"
            + "{#is 'member_field.defined'}新建会员字段"
            + "{#is 'member_field.changed'}修改会员字段"
            + "{#is 'member_field.deleted'}删除会员字段"
            + "{#is 'activity_type.registered'}新增行为类型"
            + "{#is 'tag.created'}新建标签"
            + "{#is 'tag.changed'}修改标签"
            + "{#is 'tag.deleted'}删除标签"
            + "{#is 'tag.evaluated'}重新计算标签"
            + "{#is 'tag.members_imported'}按文件给会员打标签"
            + "{#is 'segment.created'}新建人群"
            + "{#is 'segment.changed'}修改人群"
            + "{#is 'segment.deleted'}删除人群"
            + "{#is 'campaign.created'}新建营销活动"
            + "{#is 'campaign.paused'}暂停营销活动"
            + "{#is 'campaign.resumed'}恢复营销活动"
            + "{#is 'campaign.deleted'}删除营销活动"
            + "{#is 'campaign.run'}立即执行营销活动"
            + "{#is 'plugin.enabled'}启用模块"
            + "{#is 'plugin.disabled'}停用模块"
            + "{#is 'plugin.settings_saved'}保存模块设置"
            + "{#is 'plugin.version_changed'}更换模块版本"
            + "{#is 'plugin.starter_adopted'}采用模块的初始配置"
            + "{#is 'plugin.events_replayed'}向模块重放事件"
            + "{#is 'plugin.route_called'}在模块页面中提交"
            + "{#is 'webhook.subscribed'}订阅 Webhook"
            + "{#is 'webhook.unsubscribed'}取消 Webhook 订阅"
            + "{#is 'webhook.secret_rotated'}轮换 Webhook 签名密钥"
            + "{#is 'webhook.delivery_replayed'}重新投递 Webhook"
            + "{#is 'device.registered'}注册设备"
            + "{#is 'device.secret_rotated'}轮换设备密钥"
            + "{#is 'device.revoked'}吊销设备"
            + "{#is 'settings.points_saved'}保存积分设置"
            + "{#is 'settings.wallet_bonus_tiers_saved'}保存充值赠送档位"
            + "{#is 'settings.marketing_saved'}保存营销设置"
            + "{#is 'settings.activity_saved'}保存行为数据设置"
            + "{#is 'settings.lifecycle_saved'}保存生命周期阶段规则"
            + "{#is 'lifecycle.evaluated'}重新评估生命周期阶段与 RFM"
            + "{#else}{code}{/when}")
    String action(String code);

    @Message("{#when area}"
            + "{#is 'member.'}会员"
            + "{#is 'staff.'}员工"
            + "{#is 'points.'}积分"
            + "{#is 'wallet.'}储值"
            + "{#is 'order.'}订单"
            + "{#is 'coupon.'}优惠券"
            + "{#is 'level.'}等级"
            + "{#is 'tag.'}标签"
            + "{#is 'segment.'}人群"
            + "{#is 'campaign.'}营销活动"
            + "{#is 'lifecycle.'}会员生命周期"
            + "{#is 'plugin.'}模块"
            + "{#is 'webhook.'}Webhook"
            + "{#is 'device.'}设备"
            + "{#is 'member_field.'}会员字段"
            + "{#is 'settings.'}设置"
            + "{#else}{area}{/when}")
    String area(String area);

    @Message("{#when type}"
            + "{#is 'member'}会员"
            + "{#is 'staff'}员工"
            + "{#is 'plugin'}模块"
            + "{#is 'level'}等级"
            + "{#is 'tag'}标签"
            + "{#is 'segment'}人群"
            + "{#is 'campaign'}营销活动"
            + "{#is 'webhook'}Webhook"
            + "{#is 'webhook_delivery'}Webhook 投递"
            + "{#is 'device'}设备"
            + "{#is 'member_field'}会员字段"
            + "{#is 'coupon_template'}优惠券模板"
            + "{#is 'order'}订单"
            + "{#is 'top_up'}充值"
            + "{#is 'wallet_payment'}储值支付"
            + "{#is 'points_redemption'}积分抵现"
            + "{#is 'level_review'}等级复核"
            + "{#is 'activity_type'}行为类型"
            + "{#else}{type}{/when}")
    String target_type(String type);
}
