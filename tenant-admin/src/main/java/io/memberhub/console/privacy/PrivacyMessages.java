package io.memberhub.console.privacy;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of data ownership: the merchant's export and members' privacy requests; Chinese here,
 * English in {@code messages/privacy_en.properties}. Used in templates as {@code {privacy:key}}.
 */
@MessageBundle(value = "privacy", locale = "zh")
public interface PrivacyMessages {

    // --- the merchant's export -----------------------------------------------------------------

    @Message("导出全部数据")
    String data_export();

    @Message("把商户的全部数据(会员、资料、等级、积分与储值账本、优惠券、订单、标签、营销、配置……)下载为一个 ZIP:每张表一个 JSON Lines 文件,manifest.json 记录每个文件的行数和 SHA-256。任何密钥都不会导出。")
    String data_export_lead();

    @Message("仅所有者")
    String owner_only();

    @Message("只有所有者可以导出全部数据")
    String owner_only_title();

    @Message("你的角色是{#when role}{#is 'admin'}管理员{#is 'operator'}操作员{#else}{role}{/when}。全部数据包含每位会员的隐私字段,只有商户的所有者可以导出。")
    String owner_only_lead(String role);

    @Message("开始导出")
    String start_export();

    @Message("导出在后台进行;完成后在这里下载。")
    String export_hint();

    @Message("{#when done}{#is 'queued'}导出已开始{#else}已完成{/when}")
    String export_done(String done);

    @Message("还没有导出过数据")
    String no_exports();

    @Message("发起时间")
    String requested();

    @Message("状态")
    String status();

    @Message("进度")
    String progress();

    @Message("{#when status}{#is 'QUEUED'}排队中{#is 'RUNNING'}进行中{#is 'DONE'}已完成{#is 'FAILED'}失败{#is 'EXPIRED'}已过期{#else}{status}{/when}")
    String export_status(String status);

    @Message("{tables}{#if total} / {total}{/if} 张表,{rows} 行")
    String tables_rows(int tables, Integer total, long rows);

    @Message("可下载至")
    String expires();

    @Message("下载")
    String download();

    @Message("{bytes} 字节")
    String bytes(long bytes);

    @Message("刷新")
    String refresh();

    // --- a member's privacy requests ------------------------------------------------------------

    @Message("隐私请求")
    String privacy_requests();

    @Message("导出该会员的数据")
    String export_member();

    @Message("删除个人数据")
    String erase_member();

    @Message("导出包含我们保存的关于此人的一切(资料、隐私字段、账本、订单、优惠券、登录与设备、行为记录……),可交给本人。")
    String export_member_hint();

    @Message("删除 {name} 的个人数据")
    String erasure_title(String name);

    @Message("姓名、手机号、邮箱、生日、性别、头像、地址、自定义字段、第三方账号、登录设备、行为记录、标签和营销退订记录将被永久删除,登录账号停用,手机号可以重新注册。积分、储值、订单和等级记录保留(保持账目平衡),但不再能对应到本人,其中员工写下的备注会被清除。Webhook 和模块会收到 MemberErased 事件以删除各自的副本。")
    String erasure_lead();

    @Message("此操作不可撤销。")
    String irreversible();

    @Message("原因")
    String reason();

    @Message("例如:会员于 5 月 3 日通过邮件要求删除个人数据")
    String reason_hint();

    @Message("输入 ERASE 以确认")
    String confirm();

    @Message("永久删除")
    String erase();

    @Message("取消")
    String cancel();

    @Message("个人数据已删除")
    String erased_title();

    @Message("会员记录已变为匿名外壳,账目保持完整;此会员不再出现在会员列表、分群、营销和导出中。")
    String erased_lead();

    @Message("删除时间")
    String erased_at();

    @Message("登录")
    String login();

    @Message("{#when login}{#is 'NONE'}该会员没有登录账号{#is 'DELETED'}登录账号已删除{#is 'LEFT_MERCHANT'}此人在其他商户仍使用同一账号:账号保留,已退出本商户{#is 'UNLINKED'}登录已与会员解除关联{#else}{login}{/when}")
    String login_outcome(String login);

    @Message("已删除")
    String removed();

    @Message("{#when kind}{#is 'identities'}第三方账号{#is 'devices'}登录设备{#is 'loginChallenges'}登录验证{#is 'activity'}行为记录{#is 'tags'}标签{#is 'marketingOptOut'}营销退订{#is 'smsCodes'}短信验证码{#is 'loginFailures'}登录失败记录{#else}{kind}{/when}")
    String removed_kind(String kind);

    @Message("返回会员列表")
    String back_to_members();

    @Message("{#when code}"
            + "{#is 'MEMBER_ALREADY_ERASED'}这位会员的个人数据已经删除"
            + "{#is 'MEMBER_NOT_FOUND'}没有这位会员"
            + "{#is 'IDENTITY_UNAVAILABLE'}暂时无法联系身份服务,什么都没有改变;请稍后再试"
            + "{#is 'EXPORT_EXPIRED'}这个导出已过期删除;请重新导出"
            + "{#is 'EXPORT_NOT_READY'}这个导出还没有完成"
            + "{#is 'EXPORT_FAILED'}这个导出失败了;请重新导出"
            + "{#is 'FORBIDDEN'}你的角色不能执行这个操作"
            + "{#else}{message}{/when}")
    String problem(String code, String message);
}
