package io.memberhub.console.forms;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** What the settings forms say about what was typed; Chinese here, English in {@code messages/forms_en.properties}. */
@MessageBundle(value = "forms", locale = "zh")
public interface FormMessages {

    @Message("请输入整数")
    String not_whole();

    @Message("请输入金额(元),最多两位小数,例如 99 或 9.90")
    String not_yuan();

    @Message("不是有效的 JSON")
    String not_json();

    @Message("每行一项,格式为 名称 = 数值")
    String not_lines();

    @Message("请从列表中选择")
    String not_id();

    @Message("请检查标出的字段")
    String check_fields();

    @Message("只有所有者和管理员可以修改这些设置,你可以查看。")
    String read_only();

    @Message("已保存")
    String saved();

    @Message("保存")
    String save();

    @Message("元")
    String yuan();
}
