package io.memberhub.console.settings;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the administration screens (staff, member fields, webhooks, devices); Chinese here,
 * English in {@code messages/settings_en.properties}. Used in templates as {@code {settings:key}}.
 */
@MessageBundle(value = "settings", locale = "zh")
public interface SettingsMessages {

    @Message("设置")
    String settings();

    @Message("你可以查看会员字段;其他设置需要所有者或管理员")
    String operator_settings();

    @Message("仅所有者和管理员")
    String owners_and_admins();

    @Message("只读")
    String read_only();

    @Message("你的角色不能执行这个操作")
    String role_refused_title();

    @Message("你的角色是{#when role}{#is 'owner'}所有者{#is 'admin'}管理员{#is 'operator'}操作员{#else}{role}{/when}。这个页面只对商户的所有者和管理员开放;如需使用,请联系所有者。")
    String role_refused_lead(String role);

    @Message("{#when code}"
            + "{#is 'STAFF_EXISTS'}此人已在本商户工作"
            + "{#is 'EMAIL_TAKEN'}这个邮箱已有账号"
            + "{#is 'OWNER_ONLY'}只有所有者可以邀请管理员、修改角色或移除员工"
            + "{#is 'OWNER_ROLE_FIXED'}所有者的角色不能修改,所有者也不能被移除"
            + "{#is 'CANNOT_REMOVE_SELF'}你不能移除自己"
            + "{#is 'STAFF_NOT_FOUND'}没有这位员工(可能已被移除)"
            + "{#is 'FIELD_KEY_TAKEN'}这个字段标识已被使用"
            + "{#is 'FIELD_TYPE_FIXED'}字段的类型创建后不能修改;请新建一个字段"
            + "{#is 'FIELD_NOT_FOUND'}没有这个字段(可能已被删除)"
            + "{#is 'TOO_MANY_FIELDS'}一个商户最多定义 100 个会员字段"
            + "{#is 'WEBHOOK_NOT_FOUND'}没有这个订阅(可能已取消)"
            + "{#is 'DELIVERY_NOT_FOUND'}没有这次投递"
            + "{#is 'DEVICE_NOT_FOUND'}没有这台设备"
            + "{#is 'DEVICE_REVOKED'}这台设备已吊销;请注册一台新设备"
            + "{#is 'FORBIDDEN'}你的角色不能执行这个操作"
            + "{#is 'NOT_WHOLE_NUMBER'}请填写整数"
            + "{#else}{message}{/when}")
    String problem(String code, String message);

    @Message("本页的密钥只显示这一次,控制台不会保存。请现在复制并妥善保管;遗失后只能轮换生成新的。")
    String shown_once();

    @Message("创建于")
    String since();

    @Message("创建时间")
    String created();

    @Message("状态")
    String status();

    @Message("轮换密钥")
    String rotate_secret();

    // --- staff ---------------------------------------------------------------------------------

    @Message("员工与角色")
    String staff();

    @Message("邀请同事,设定所有者、管理员或操作员角色,移除离职人员。")
    String staff_lead();

    @Message("共 {count} 人")
    String staff_count(int count);

    @Message("{#when done}{#is 'role'}角色已修改{#is 'removed'}已移除{#else}已完成{/when}")
    String staff_done(String done);

    @Message("你")
    String you();

    @Message("修改")
    String change_role();

    @Message("移除")
    String remove();

    @Message("只有所有者可以修改角色或移除员工;管理员可以邀请操作员。")
    String owner_changes_roles();

    @Message("邀请员工")
    String invite();

    @Message("没有 MemberHub 账号的人会得到一个临时密码,首次登录时设置自己的密码;已有账号的人用原来的密码登录。")
    String invite_hint();

    @Message("发送邀请")
    String send_invitation();

    @Message("已邀请 {email}")
    String invited(String email);

    @Message("请把下面的临时密码交给对方。首次登录时需要设置自己的密码。")
    String temporary_password_lead();

    @Message("此人已有 MemberHub 账号,用自己的密码登录即可看到本商户。")
    String existing_login();

    // --- member fields -------------------------------------------------------------------------

    @Message("会员字段")
    String member_fields();

    @Message("为会员资料添加自定义字段:类型、选项、默认值、必填和隐私。")
    String member_fields_lead();

    @Message("共 {count} 个")
    String field_count(int count);

    @Message("{#when done}{#is 'created'}字段已创建{#is 'saved'}字段已保存{#is 'deleted'}字段已删除{#else}已完成{/when}")
    String field_done(String done);

    @Message("你的角色可以查看会员字段,但不能修改。")
    String fields_read_only();

    @Message("还没有自定义字段。")
    String no_fields();

    @Message("标识")
    String field_key();

    @Message("1-40 位小写字母、数字或下划线,以字母开头;创建后不能修改")
    String field_key_hint();

    @Message("名称")
    String field_label();

    @Message("类型")
    String field_type();

    @Message("{#when type}{#is 'TEXT'}文本{#is 'SINGLE_CHOICE'}单选{#is 'DATE'}日期{#is 'IMAGE'}图片(网址){#is 'PLUGIN'}模块类型{#else}{type}{/when}")
    String field_type_name(String type);

    @Message("选项")
    String field_options();

    @Message("单选字段的选项,每行一个;其他类型留空")
    String field_options_hint();

    @Message("默认值")
    String field_default();

    @Message("顺序")
    String field_position();

    @Message("留空:新字段排在最后,已有字段不变")
    String field_position_hint();

    @Message("属性")
    String field_flags();

    @Message("必填")
    String required();

    @Message("隐私")
    String private_field();

    @Message("隐私字段只对所有者和管理员显示;操作员看到 ***,列表和导出中也会遮盖。")
    String private_hint();

    @Message("新建字段")
    String new_field();

    @Message("创建字段")
    String define_field();

    @Message("修改字段:{label}")
    String edit_field(String label);

    @Message("标识和类型创建后不能修改;需要其他类型请新建字段。")
    String key_type_fixed();

    @Message("删除字段会同时清除所有会员的该字段值")
    String delete_field_hint();

    // --- webhooks ------------------------------------------------------------------------------

    @Message("Webhook")
    String webhooks();

    @Message("把会员、订单、积分等事件以签名的 HTTP 请求推送到你的系统。")
    String webhooks_lead();

    @Message("{#when done}{#is 'subscribed'}订阅已创建{#is 'rotated'}签名密钥已轮换{#is 'unsubscribed'}订阅已取消{#else}已完成{/when}")
    String webhook_done(String done);

    @Message("还没有订阅。")
    String no_webhooks();

    @Message("接收地址")
    String url();

    @Message("事件类型")
    String event_types();

    @Message("用逗号或空格分隔,例如 MemberRegistered、MemberUpdated、OrderRecorded、OrderRefunded、PointsChanged、LevelChanged、CouponIssued、CouponRedeemed、TagAdded、TopUpRecorded;留空表示所有事件。名称需与平台的事件类型完全一致。")
    String event_types_hint();

    @Message("所有事件")
    String all_events();

    @Message("已停用")
    String inactive();

    @Message("订阅")
    String subscribe();

    @Message("取消订阅")
    String unsubscribe();

    @Message("{url} 的签名密钥")
    String signing_secret_of(String url);

    @Message("每次投递带有 X-MemberHub-Signature: t=<秒>,v1=<HMAC-SHA256(\"<t>.<正文>\")>,以这个密钥的 UTF-8 字节为键;请校验签名并拒绝过旧的时间戳。")
    String signature_hint();

    @Message("投递记录")
    String delivery_log();

    @Message("全部")
    String all_statuses();

    @Message("{#when status}{#is 'PENDING'}待发送{#is 'DELIVERED'}已送达{#is 'DEAD'}已放弃{#else}{status}{/when}")
    String delivery_status(String status);

    @Message("没有投递记录。")
    String no_deliveries();

    @Message("事件")
    String event();

    @Message("尝试次数")
    String attempts();

    @Message("最后一次结果")
    String last_answer();

    @Message("送达 / 下次尝试")
    String delivered_or_next();

    @Message("重新发送")
    String replay();

    @Message("已安排重新发送。")
    String replayed();

    @Message("显示最近 200 次投递。失败的投递会自动重试,多次失败后放弃;修好接收端后可以重新发送。")
    String deliveries_hint();

    // --- devices -------------------------------------------------------------------------------

    @Message("设备与 API 凭据")
    String devices();

    @Message("闸机、扫码枪和服务器集成各用自己的客户端凭据调用 API;可以轮换密钥或吊销。")
    String devices_lead();

    @Message("{#when done}{#is 'registered'}设备已注册{#is 'rotated'}密钥已轮换{#is 'revoked'}设备已吊销,它的令牌立即失效{#else}已完成{/when}")
    String device_done(String done);

    @Message("还没有设备。")
    String no_devices();

    @Message("名称")
    String device_name();

    @Message("种类")
    String device_kind();

    @Message("{#when kind}{#is 'GATE'}闸机{#is 'SCANNER'}扫码设备{#is 'INTEGRATION'}服务器集成{#else}{kind}{/when}")
    String device_kind_name(String kind);

    @Message("{#when status}{#is 'ACTIVE'}使用中{#is 'REVOKED'}已吊销{#else}{status}{/when}")
    String device_status(String status);

    @Message("密钥轮换于 {moment}")
    String rotated_at(String moment);

    @Message("吊销")
    String revoke();

    @Message("注册设备")
    String register_device();

    @Message("注册")
    String register();

    @Message("{name} 的凭据")
    String credentials_of(String name);

    @Message("客户端 ID")
    String client_id();

    @Message("客户端密钥")
    String client_secret();

    @Message("令牌地址")
    String token_url();

    @Message("设备用 client_credentials 方式向令牌地址换取访问令牌,再带着令牌调用 API。")
    String credentials_hint();
}
