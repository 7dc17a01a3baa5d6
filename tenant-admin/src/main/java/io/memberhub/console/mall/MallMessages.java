package io.memberhub.console.mall;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the points mall screens; Chinese here, English in {@code messages/mall_en.properties}. */
@MessageBundle(value = "mall", locale = "zh")
public interface MallMessages {

    @Message("积分商城")
    String mall();

    @Message("奖品")
    String rewards();

    @Message("还没有奖品。")
    String no_rewards();

    @Message("新增奖品")
    String new_reward();

    @Message("编辑奖品")
    String edit_reward();

    @Message("类型")
    String kind();

    @Message("{#switch kind}{#case 'GOODS'}实物{#case 'COUPON'}优惠券{#case 'SERVICE'}服务{#case 'CHARITY'}公益捐赠{#case 'LOTTERY'}抽奖{#case 'NONE'}谢谢参与{#else}{kind}{/switch}")
    String kind_name(String kind);

    @Message("名称")
    String name();

    @Message("说明")
    String description();

    @Message("图片地址")
    String image_url();

    @Message("所需积分")
    String points_price();

    @Message("库存")
    String stock();

    @Message("留空表示不限;创建后通过“调整库存”增减")
    String stock_hint();

    @Message("不限")
    String unlimited();

    @Message("优惠券模板(类型为优惠券时)")
    String coupon_template();

    @Message("每位会员限兑")
    String per_member_limit();

    @Message("开始兑换")
    String available_from();

    @Message("结束兑换")
    String available_until();

    @Message("格式 2026-12-24 18:00,时区 {zone}")
    String time_hint(Object zone);

    @Message("会员等级要求")
    String min_level();

    @Message("所有会员")
    String any_level();

    @Message("{name} 及以上")
    String level_and_above(String name);

    @Message("抽奖奖项(类型为抽奖时)")
    String prizes();

    @Message("每行一项:类型 | 名称 | 权重 | 库存 | 优惠券模板名称,例如 NONE | 谢谢参与 | 90 或 COUPON | 满100减20 | 10 | 50 | 满100减20。中奖概率 = 权重 / 权重合计;奖项库存用完后抽中即为谢谢参与")
    String prizes_hint();

    @Message("中奖概率")
    String odds();

    @Message("{weight} / {total}")
    String odds_of(long weight, Long total);

    @Message("状态")
    String status();

    @Message("已上架")
    String published();

    @Message("未上架")
    String draft();

    @Message("上架")
    String publish();

    @Message("下架")
    String unpublish();

    @Message("编辑")
    String edit();

    @Message("增减")
    String delta();

    @Message("调整库存")
    String adjust_stock();

    @Message("创建")
    String create();

    @Message("保存")
    String save();

    @Message("兑换订单")
    String orders();

    @Message("没有此状态的订单。")
    String no_orders();

    @Message("{#switch status}{#case 'PLACED'}待发放{#case 'FULFILLED'}已发放{#case 'CANCELLED'}已取消{#else}{status}{/switch}")
    String status_name(String status);

    @Message("时间")
    String created_at();

    @Message("会员")
    String member();

    @Message("数量")
    String quantity();

    @Message("积分")
    String points();

    @Message("结果")
    String outcome();

    @Message("奖项已发完")
    String out_of_stock();

    @Message("会员备注")
    String note();

    @Message("发放备注(如快递单号)")
    String fulfilment_note();

    @Message("发放")
    String fulfil();

    @Message("取消原因")
    String cancel_reason();

    @Message("取消并退还积分")
    String cancel();

    @Message("退还 {points} 积分")
    String returned(Long points);

    @Message("{#switch done}{#case 'created'}奖品已创建(未上架)。{#case 'saved'}已保存。{#case 'published'}已上架。{#case 'unpublished'}已下架。{#case 'stock'}库存已调整。{#case 'fulfilled'}订单已发放。{#case 'cancelled'}订单已取消,积分与库存已退还。{#else}{/switch}")
    String done(String done);

    @Message("请按 2026-12-24 18:00 的格式输入")
    String bad_time();

    @Message("无法识别这一行:{line}")
    String bad_prize_line(String line);

    @Message("没有名为 {name} 的优惠券模板")
    String unknown_coupon(String name);
}
