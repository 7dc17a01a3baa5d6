package io.memberhub.console.developer;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the market's publishing side: the developer area, the operators' review and a
 * merchant's upgrade. Chinese here, English in {@code messages/dev_en.properties}; used as {@code {dev:key}}.
 */
@MessageBundle(value = "dev", locale = "zh")
public interface DevMessages {

    @Message("开发者中心")
    String developer_area();

    @Message("注册成为模块开发者")
    String sign_up_title();

    @Message("想为商户开发模块?")
    String for_developers();

    @Message("在模块市场发布你的模块:上传签名的版本,平台审核后商户即可启用。")
    String sign_up_lead();

    @Message("名称(显示在你的模块上)")
    String developer_name();

    @Message("邮箱")
    String email();

    @Message("密码")
    String password();

    @Message("至少 10 个字符")
    String password_hint();

    @Message("注册")
    String register();

    @Message("这个邮箱已有账号,请直接登录")
    String email_taken();

    @Message("已有开发者账号?")
    String have_account();

    @Message("登录开发者中心")
    String sign_in();

    @Message("退出")
    String sign_out();

    @Message("这个账号不是模块开发者")
    String not_developer_title();

    @Message("请用注册开发者时的账号登录,或注册一个开发者账号。")
    String not_developer_lead();

    @Message("我的模块")
    String my_modules();

    @Message("还没有模块。注册签名公钥,然后上传第一个版本。")
    String no_modules();

    @Message("版本")
    String version();

    @Message("状态")
    String status();

    @Message("{#when status}{#is 'SUBMITTED'}待审核{#is 'PUBLISHED'}已发布{#is 'REJECTED'}已拒绝{#else}{status}{/when}")
    String version_status(String status);

    @Message("审核意见")
    String review_note();

    @Message("启用的商户")
    String installs();

    @Message("共 {count} 个商户在用")
    String installs_total(long count);

    @Message("提交时间")
    String submitted_at();

    @Message("签名公钥")
    String keys();

    @Message("平台用你注册的 Ed25519 公钥验证每个上传包的签名。私钥只留在你自己的电脑上,控制台从不接收私钥。")
    String keys_lead();

    @Message("还没有公钥")
    String no_keys();

    @Message("公钥(PEM 或 base64 DER)")
    String public_key();

    @Message("备注")
    String key_label();

    @Message("注册公钥")
    String register_key();

    @Message("已吊销")
    String revoked();

    @Message("吊销")
    String revoke();

    @Message("生成密钥对(只需一次,然后注册 dev.pub 的内容):")
    String keygen_hint();

    @Message("上传新版本")
    String upload_title();

    @Message("用你自己的私钥签名包,再把包和签名一起上传:")
    String sign_hint();

    @Message("模块包(.zip,含 manifest.json 和 plugin.jar)")
    String package_file();

    @Message("请选择模块的 .zip 包")
    String choose_package();

    @Message("出错后请重新选择文件(浏览器不会保留已选的文件)")
    String choose_again();

    @Message("签名公钥")
    String key_id();

    @Message("签名(base64)")
    String signature();

    @Message("或签名文件(.sig,base64 文本或 64 字节原始签名)")
    String signature_file();

    @Message("上传")
    String upload();

    @Message("已上传 {what},等待平台审核。")
    String uploaded(String what);

    @Message("清单中的问题")
    String manifest_problems();

    @Message("版本审核")
    String review_title();

    @Message("没有待审核的版本")
    String nothing_to_review();

    @Message("开发者")
    String developer();

    @Message("申请的权限")
    String permissions();

    @Message("设置项")
    String settings();

    @Message("依赖插件 API")
    String requires();

    @Message("大小")
    String size();

    @Message("发布")
    String approve();

    @Message("拒绝")
    String reject();

    @Message("拒绝理由(开发者会看到)")
    String reason();

    @Message("已发布 {what}")
    String approved(String what);

    @Message("已拒绝 {what}")
    String rejected(String what);

    @Message("这个账号不是平台运营人员")
    String not_operator_title();

    @Message("版本审核只对拥有 platform-admin 角色的账号开放。")
    String not_operator_lead();

    @Message("有新版本 {version}")
    String upgrade_available(String version);

    @Message("你正在使用 {current},市场上最新的已发布版本是 {latest}。")
    String upgrade_lead(String current, String latest);

    @Message("新版本新增申请的权限")
    String new_permissions();

    @Message("新版本没有新增权限")
    String no_new_permissions();

    @Message("升级到 {version}")
    String upgrade_to(String version);

    @Message("已升级到 {version}")
    String upgraded(String version);
}
