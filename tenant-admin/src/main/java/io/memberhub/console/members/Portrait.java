package io.memberhub.console.members;

import io.memberhub.console.growth.GrowthViews;
import io.memberhub.console.lifecycle.LifecycleViews;
import io.memberhub.console.platform.Merchant;
import io.memberhub.console.platform.MemberViews;
import java.util.List;

/**
 * Everything a member's portrait shows, and the state of its forms: an adjustment or tag that was
 * refused comes back as typed with the platform's message; {@code done} names what just succeeded.
 */
public record Portrait(Merchant merchant, MemberViews.Member member, MemberViews.Level level, List<MemberWork.LevelChange> history,
                       LifecycleViews.MemberLifecycle lifecycle,
                       MemberWork.Points points, GrowthViews.Summary growth, MemberWork.Wallet wallet, List<MemberViews.Tag> tags, List<MemberViews.Tag> otherTags,
                       List<MemberViews.Coupon> coupons, MemberWork.Timeline activity, AdjustmentForm pointsForm, AdjustmentForm growthForm,
                       AdjustmentForm walletForm, TagForm tagForm, String done) {

    /** The tag form: an existing tag chosen or a new one named, and what the platform said when it refused. */
    public record TagForm(String tagId, String newTag, String error) {

        static TagForm fresh() {
            return new TagForm("", "", null);
        }
    }

    /** The forms of a page drawn afresh (each with a new Idempotency-Key). */
    record Forms(AdjustmentForm points, AdjustmentForm growth, AdjustmentForm wallet, TagForm tag) {

        static Forms fresh() {
            return new Forms(AdjustmentForm.fresh(), AdjustmentForm.fresh(), AdjustmentForm.fresh(), TagForm.fresh());
        }

        Forms withPoints(AdjustmentForm form) {
            return new Forms(form, growth, wallet, tag);
        }

        Forms withGrowth(AdjustmentForm form) {
            return new Forms(points, form, wallet, tag);
        }

        Forms withWallet(AdjustmentForm form) {
            return new Forms(points, growth, form, tag);
        }

        Forms withTag(TagForm form) {
            return new Forms(points, growth, wallet, form);
        }
    }
}
