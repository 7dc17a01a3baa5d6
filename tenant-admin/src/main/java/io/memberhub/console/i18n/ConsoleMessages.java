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
}
