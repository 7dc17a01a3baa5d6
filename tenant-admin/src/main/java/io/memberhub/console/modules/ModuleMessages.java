package io.memberhub.console.modules;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The texts around the pages modules contribute. Chinese here, English in {@code messages/ext_en.properties}; used as {@code {ext:key}}. */
@MessageBundle(value = "ext", locale = "zh")
public interface ModuleMessages {

    @Message("模块页面")
    String module_pages();

    @Message("已启用的模块没有添加页面。可以在模块市场启用模块。")
    String no_pages();

    @Message("没有数据")
    String no_rows();

    @Message("暂时读不到这个模块的数据:{detail}")
    String unavailable(String detail);

    @Message("请填写数字")
    String not_a_number();

    @Message("提交")
    String submit();

    @Message("已提交")
    String sent();

    @Message("元")
    String yuan();

    @Message("是")
    String yes();

    @Message("否")
    String no();

    @Message("模块 {pluginId} 提供")
    String from_module(String pluginId);
}
