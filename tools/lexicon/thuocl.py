"""THUOCL's IT and caijing word lists -> (kind, source, label, []) rows of Chinese skill phrases."""

from __future__ import annotations

import re
from pathlib import Path

from .common import THUOCL, Row

MIN_DF = 300  # THUOCL's document frequency: rarer phrases are noise
# Endings that make a phrase a skill: "数据分析", "软件测试".
SKILL_END = tuple(
    "分析 开发 测试 设计 管理 挖掘 学习 处理 架构 安全 运维 编程 优化 识别 建模 算法 爬虫 框架".split()
)
# Openings that make a phrase generic ("高效算法" efficient algorithm, "创建数据库").
GENERIC_START = tuple(
    "高效 高级 特殊 十大 创建 出错 常用 简单 基本 系统管理 主流 常见 一般 相关 各种 多种 主要".split()
)
# Heads that say nothing on their own: "系统开发" (system development), "实际开发" (actual
# development), "问题分析" are every posting's filler, not skills.
GENERIC_HEAD = set(
    """
    系统 项目 实际 语言 工具 框架 程序 功能 问题 逻辑 开发 应用 模块 信息 任务 进程 存储 详细
    概要 平台 服务 产品 软件 接口 配置 版本 开源 二次 技术 业务 代码 设计 综合 整体 基础 相关
    具体 一般 常见 日常 测试 管理 分析 数据库
    """.split()
)


def skill_phrase(word: str, df: int) -> bool:
    """True for a frequent 4-8 character Chinese phrase that ends in a skill word."""
    return (
        df >= MIN_DF
        and not word.startswith(GENERIC_START)
        and word[:-2] not in GENERIC_HEAD
        and 4 <= len(word) <= 8
        and re.fullmatch(r"[\u4e00-\u9fff]+", word) is not None
        and word.endswith(SKILL_END)
    )


def thuocl(data: Path) -> list[Row]:
    """(kind, source, label, []) from THUOCL: Chinese skill phrases, no aliases."""
    out: list[Row] = []
    for name in ("THUOCL_IT.txt", "THUOCL_caijing.txt"):
        for line in (data / THUOCL / name).read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) == 2 and parts[1].isdigit() and skill_phrase(parts[0], int(parts[1])):
                out.append(("skill", "thuocl", parts[0], []))
    return out
