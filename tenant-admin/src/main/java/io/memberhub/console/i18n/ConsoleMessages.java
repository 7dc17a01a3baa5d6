package io.memberhub.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The console's texts; Chinese here, English in {@code messages/msg_en.properties}. */
@MessageBundle(value = "msg", locale = "zh")
public interface ConsoleMessages {

    @Message("zh-CN")
    String lang_tag();

    @Message("MemberHub 会员中心")
    String app_name();

    @Message("登录")
    String sign_in();

    @Message("退出")
    String sign_out();

    @Message("注册商户")
    String sign_up();

    @Message("经营你的会员计划")
    String landing_title();

    @Message("等级、积分、储值、权益和营销,一个后台全部管理。")
    String landing_lead();

    @Message("已有商户账号?")
    String have_account();

    @Message("商户名称")
    String merchant_name();

    @Message("商户标识")
    String slug();

    @Message("3-40 位小写字母、数字或中间的短横线,用在网址和 API 中")
    String slug_hint();

    @Message("所有者邮箱")
    String owner_email();

    @Message("密码")
    String owner_password();

    @Message("至少 10 个字符")
    String password_hint();

    @Message("创建商户")
    String create_merchant();

    @Message("这个商户标识已被使用")
    String slug_taken();

    @Message("这个邮箱已有账号,请直接登录")
    String email_taken();

    @Message("请检查标出的字段")
    String check_fields();

    @Message("概览")
    String overview();

    @Message("积分与卡券")
    String nav_loyalty();

    @Message("营销")
    String nav_marketing();

    @Message("模块")
    String nav_modules();

    @Message("欢迎,{email}")
    String welcome(String email);

    @Message("你的角色")
    String your_role();

    @Message("{#when role}{#is 'owner'}所有者{#is 'admin'}管理员{#is 'operator'}操作员{#else}{role}{/when}")
    String role(String role);

    @Message("选择商户")
    String choose_merchant();

    @Message("你在多个商户工作,请选择要管理的商户。")
    String choose_merchant_lead();

    @Message("切换商户")
    String switch_merchant();

    @Message("这个账号不属于任何商户")
    String not_staff_title();

    @Message("请用商户所有者邀请你的账号登录,或注册一个新商户。")
    String not_staff_lead();

    @Message("会员")
    String members();

    @Message("共 {count} 位")
    String member_count(long count);

    @Message("手机号或姓名")
    String search_members();

    @Message("搜索")
    String search();

    @Message("没有找到会员")
    String no_members();

    @Message("姓名")
    String member_name();

    @Message("手机号")
    String phone();

    @Message("来源")
    String source();

    @Message("注册时间")
    String joined();

    @Message("上一页")
    String previous();

    @Message("下一页")
    String next();

    @Message("邮箱")
    String email();

    @Message("生日")
    String birthday();

    @Message("等级")
    String level();

    @Message("尚未达到任何等级")
    String no_level();

    @Message("积分")
    String points();

    @Message("30 天内到期 {points}")
    String expiring_soon(long points);

    @Message("标签")
    String tags();

    @Message("优惠券")
    String coupons();

    @Message("无")
    String none();

    @Message("出错了")
    String error_title();

    @Message("请稍后重试;如果问题持续,请把下面的编号告诉我们。")
    String error_lead();

    @Message("等级")
    String levels();

    @Message("新增等级")
    String add_level();

    @Message("还没有等级。先建一个入门等级(不设升级条件),再往上加。")
    String no_levels();

    @Message("排序")
    String rank();

    @Message("数字越大等级越高")
    String rank_hint();

    @Message("等级名称")
    String level_name();

    @Message("升级条件")
    String upgrade_rule();

    @Message("不设条件即为入门等级;金额按元填写")
    String upgrade_rule_hint();

    @Message("这条规则有嵌套的条件组,按 JSON 编辑(格式见 API 文档)")
    String rule_json_hint();

    @Message("满足全部条件")
    String rule_all();

    @Message("满足任一条件")
    String rule_any();

    @Message("且")
    String rule_and();

    @Message("或")
    String rule_or();

    @Message("指标")
    String metric_label();

    @Message("至少")
    String at_least();

    @Message("统计期间")
    String window_label();

    @Message("个月")
    String unit_months();

    @Message("天")
    String unit_days();

    @Message("全部时间")
    String unit_ever();

    @Message("入门等级")
    String entry_level();

    @Message("元")
    String yuan();

    @Message("保级")
    String retention();

    @Message("达到后一直保留")
    String keep_forever();

    @Message("仅在仍满足升级条件时保留")
    String keep_while_rule();

    @Message("自定义保级规则(保持不变)")
    String keep_custom();

    @Message("需保级")
    String kept();

    @Message("不再满足保级条件时降级")
    String kept_while();

    @Message("宽限天数")
    String grace_days();

    @Message("每隔几个月复核")
    String review_every();

    @Message("留空表示每次复核都检查")
    String review_every_hint();

    @Message("权益")
    String benefits();

    @Message("会员价(付款百分比)")
    String benefit_discount();

    @Message("满额包邮")
    String benefit_free_shipping();

    @Message("生日券")
    String benefit_birthday();

    @Message("积分有效期(百分比)")
    String benefit_points_validity();

    @Message("预览人数")
    String preview();

    @Message("保存")
    String save();

    @Message("取消")
    String cancel();

    @Message("删除")
    String delete();

    @Message("编辑等级:{name}")
    String edit_level(String name);

    @Message("保存后的等级人数")
    String preview_title();

    @Message("按会员当前的消费等事实和升级条件计算;尚未保存。")
    String preview_hint();

    @Message("现在")
    String members_now();

    @Message("保存后")
    String members_after();

    @Message("积分倍率(%)")
    String points_percent();

    @Message("{#when name}{#is 'SPEND'}消费金额{#is 'ORDER_COUNT'}订单数{#is 'POINTS_EARNED'}获得积分{#is 'VISIT_COUNT'}到店次数{#is 'TOP_UP_AMOUNT'}储值金额{#is 'GROWTH'}成长值{#else}{name}{/when}")
    String metric(String name);

    @Message("近 {amount}{#when unit}{#is 'months'} 个月{#is 'days'} 天{/when}")
    String window(String amount, String unit);

    @Message("{#when type}{#is 'DISCOUNT_PERCENT'}会员价 {value}%{#is 'FREE_SHIPPING_OVER'}满 {value.yuan} 元包邮{#is 'BIRTHDAY_COUPON'}生日券 {value.yuan} 元{#is 'POINTS_VALIDITY_PERCENT'}积分有效期 {value}%{#is 'FREE_RETURNS'}免费退货{#is 'PRIORITY_SERVICE'}优先服务{#else}{type}{/when}")
    String benefit(String type, Long value);

    @Message("模块市场")
    String market();

    @Message("分类")
    String category();

    @Message("全部分类")
    String all_categories();

    @Message("{#when category}{#is 'INDUSTRY'}行业方案{#is 'INTEGRATION'}集成{#is 'MARKETING'}营销{#is 'LOYALTY'}忠诚度{#is 'OPERATIONS'}运营{#else}{category}{/when}")
    String category_name(String category);

    @Message("模块名称或说明")
    String search_modules();

    @Message("没有找到模块")
    String no_modules();

    @Message("{#when status}{#is 'ENABLED'}已启用{#is 'SUSPENDED'}已暂停{#else}未启用{/when}")
    String plugin_status(String status);

    @Message("已保存,模块立即生效。")
    String module_saved();

    @Message("模块连续出错已暂停,重新启用即可恢复:")
    String suspended_because();

    @Message("开发者")
    String developer();

    @Message("版本")
    String version();

    @Message("你启用的是 {version}")
    String enabled_version(String version);

    @Message("价格")
    String price();

    @Message("免费")
    String free();

    @Message("需要的权限")
    String permissions();

    @Message("启用即表示允许模块在你的商户数据上做这些事。")
    String permissions_hint();

    @Message("启用模块")
    String enable_module();

    @Message("模块设置")
    String module_settings();

    @Message("已保存;留空则保持不变")
    String secret_kept();

    @Message("启用")
    String enable();

    @Message("停用")
    String disable();

    @Message("导入会员")
    String import_members();

    @Message("CSV 文件,UTF-8 编码,第一行是列名:phone(必填)、name、gender、birthday、registrationSource,以及自定义字段的键。")
    String import_hint();

    @Message("CSV 文件")
    String csv_file();

    @Message("全部正确才导入")
    String import_all();

    @Message("只导入正确的行")
    String import_valid();

    @Message("开始导入")
    String import_start();

    @Message("正在上传…")
    String import_uploading();

    @Message("正在导入…")
    String import_working();

    @Message("请选择一个非空的 CSV 文件。")
    String import_empty();

    @Message("导入完成")
    String import_done();

    @Message("读取行数")
    String import_rows();

    @Message("已导入")
    String import_imported();

    @Message("被拒绝")
    String import_rejected();

    @Message("有问题的行")
    String import_row_errors();

    @Message("行号")
    String import_line();

    @Message("列")
    String import_column();

    @Message("原因")
    String import_reason();

    @Message("只列出前 1000 个问题。")
    String import_more_errors();

    @Message("导出")
    String export_members();

    @Message("会员总数")
    String members_total();

    @Message("近 {days} 天新增")
    String members_new(int days);

    @Message("近 {days} 天活跃")
    String members_active(int days);

    @Message("高价值会员占比")
    String high_value_share();

    @Message("参考 {range}%")
    String guide(String range);

    @Message("{#when verdict}{#is 'WITHIN'}在参考范围内{#is 'BELOW'}低于参考:价值集中在极少数会员{#is 'ABOVE'}高于参考{#else}尚无消费{/when}")
    String against_guide(String verdict);

    @Message("每日新增会员")
    String new_per_day();

    @Message("每日活跃会员")
    String active_per_day();

    @Message("当天有下单、到店或任何行为记录的会员")
    String active_hint();

    @Message("等级分布")
    String level_distribution();

    @Message("会员价值金字塔")
    String value_pyramid();

    @Message("{#when tier}{#is 'HIGH'}高价值(贡献 80% 消费){#is 'MIDDLE'}其他消费会员{#is 'NO_SPEND'}未消费{#else}{tier}{/when}")
    String tier(String tier);

    @Message("按近 {days} 天的消费(扣除退款)")
    String pyramid_hint(int days);

    @Message("积分发放与使用")
    String points_flow();

    @Message("发放")
    String points_issued();

    @Message("使用")
    String points_redeemed();

    @Message("过期")
    String points_expired();

    @Message("全部等级")
    String any_level();

    @Message("全部标签")
    String any_tag();
}
