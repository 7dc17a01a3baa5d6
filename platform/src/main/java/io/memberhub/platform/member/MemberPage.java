package io.memberhub.platform.member;

import java.util.List;

public record MemberPage(List<MemberResponse> items, int page, int size, long total) {
}
