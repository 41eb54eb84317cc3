"""Regenerate the sample resumes in samples/ (dev-only; needs fpdf2 and two system fonts).

    .venv/bin/pip install fpdf2
    apt-get install fonts-wqy-microhei fonts-dejavu-core
    .venv/bin/python samples/make_samples.py

Output is byte-for-byte deterministic: fixed creation date, fixed producer, no randomness.
All people, companies, e-mails and phone numbers are invented.
"""

from __future__ import annotations

import re
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fpdf import FPDF
from fpdf.enums import TextMode, XPos, YPos

OUT = Path(__file__).resolve().parent
FIXED_DATE = datetime(2024, 1, 1, tzinfo=UTC)
DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DEJAVU_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
WQY = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"

Doc = dict[str, Any]  # one resume: file, lang, layout, name, headline, contact, sections

# --------------------------------------------------------------------------------------------
# Resume content. A section is (heading, items); an item is a paragraph string or an entry
# dict {title, org, dates, bullets}. "sidebar" lists the headings that go in the left column.
# --------------------------------------------------------------------------------------------

# fmt: off
RESUMES: list[Doc] = [
    {
        "file": "en_pm_senior_fintech.pdf", "lang": "en", "layout": "single",
        "name": "Megan Alvarez", "headline": "Senior Product Manager · Fintech & E-commerce",
        "contact": "megan.alvarez@example.com | +1 (415) 555-0142 | San Francisco, CA",
        "sections": [
            ("Summary", [
                "Product manager with 10 years of experience building "
                "consumer lending, P2P lending "
                "and e-commerce checkout products. I turn market research and user research into "
                "clear PRDs and prototypes, and I lead cross-functional teams of 20+ engineers, "
                "designers and risk analysts from discovery to launch.",
            ]),
            ("Experience", [
                {"title": "Senior Product Manager, Credit Products", "org": "Lendwise Financial, "
                 "San Francisco, CA", "dates": "Mar 2021 – Present", "bullets": [
                    "Own the roadmap for a P2P lending marketplace with $1.2B in annual "
                    "originations; wrote the PRDs for investor auto-invest "
                    "and borrower pre-approval.",
                    "Ran competitive analysis of 8 lending platforms and a market research study "
                    "that reshaped pricing tiers; approval-to-funding time dropped 35%.",
                    "Built SQL dashboards on loan funnel data with the analytics team and used the "
                    "data analysis to cut first-payment defaults by 12%.",
                    "Present quarterly product reviews in PowerPoint to the executive team.",
                ]},
                {"title": "Product Manager, Checkout & Payments", "org": "Cartwheel Commerce, "
                 "Oakland, CA", "dates": "Jun 2017 – Feb 2021", "bullets": [
                    "Led the e-commerce checkout team (9 engineers); shipped buy-now-pay-later "
                    "with a credit partner, lifting average order value 18%.",
                    "Prototyped new cart and payment flows in Axure and validated them in 30+ "
                    "user interviews and usability tests.",
                    "Documented payment and refund processes in Visio; maintained the requirement "
                    "backlog and release plan in Jira and Excel.",
                ]},
                {"title": "Associate Product Manager", "org": "Brightline Software, San Jose, CA",
                 "dates": "Jul 2015 – May 2017", "bullets": [
                    "Wrote requirement documents for a merchant analytics tool and coordinated "
                    "QA for four quarterly releases.",
                ]},
            ]),
            ("Education", [
                {"title": "MBA, Technology Management", "org": "Pacific Coast School of Business",
                 "dates": "2013 - 2015"},
                {"title": "Bachelor of Science in Economics", "org": "University of Westbrook",
                 "dates": "2009 - 2013"},
            ]),
            ("Skills", [
                "Product: PRD and requirement documents, roadmapping, prototyping (Axure RP, "
                "Figma), A/B testing, agile project management",
                "Research: market research, competitive analysis, user research, usability testing",
                "Tools: SQL, Excel (pivot tables, VLOOKUP), PowerPoint, Visio, Jira, Confluence",
                "Domains: P2P lending, consumer credit, payments, fintech compliance, e-commerce",
            ]),
            ("Certifications", ["PMP (Project Management Professional), 2019 · NPDP, 2020"]),
            ("Languages", ["English (native), Spanish (professional working proficiency)"]),
        ],
    },
    {
        "file": "en_pm_mid_ecommerce_twocol.pdf", "lang": "en", "layout": "two_column",
        "sidebar": ["Skills", "Education", "Languages"],
        "name": "Jordan Blake", "headline": "Product Manager",
        "contact": "jordan.blake@example.com | (312) 555-0187 | Chicago, IL",
        "sections": [
            ("Summary", [
                "Product manager with 5 years in e-commerce marketplaces. Comfortable owning a "
                "feature from user research and prototypes through launch and post-launch data "
                "analysis. Known for clear requirement documents and "
                "calm stakeholder communication.",
            ]),
            ("Experience", [
                {"title": "Product Manager", "org": "ShopNest Marketplace, Chicago",
                 "dates": "Jan 2022 – Present", "bullets": [
                    "Own search and product listing pages for a "
                    "marketplace with 2M monthly buyers.",
                    "Wrote PRDs and Axure prototypes for faceted search; conversion rose 9%.",
                    "Pull weekly funnel metrics with SQL and share findings in PowerPoint.",
                    "Run sprint planning with 6 engineers and a designer.",
                ]},
                {"title": "Associate Product Manager", "org": "Parcel & Pine, Evanston",
                 "dates": "03/2020 - 12/2021", "bullets": [
                    "Ran competitive analysis of 5 home-goods retailers to "
                    "shape the loyalty program.",
                    "Conducted 25 user interviews; turned insights into user stories.",
                    "Tracked project milestones and vendor deliverables in Excel.",
                ]},
                {"title": "Business Analyst Intern", "org": "Midwest Retail Group",
                 "dates": "Summer 2019", "bullets": [
                    "Built Excel models for store-level sales data analysis.",
                ]},
            ]),
            ("Skills", [
                "Requirement documents / PRD", "Prototyping: Axure, Figma", "SQL, Excel",
                "PowerPoint, Visio", "User research", "Competitive analysis", "A/B testing",
                "Scrum, Jira",
            ]),
            ("Education", [
                {"title": "Bachelor of Arts, Economics", "org": "Lakeshore University",
                 "dates": "2015 - 2019"},
            ]),
            ("Languages", ["English (native)", "French (intermediate)"]),
        ],
    },
    {
        "file": "en_pm_junior_assistant.pdf", "lang": "en", "layout": "single",
        "name": "Priya Raman", "headline": "Assistant Product Manager",
        "contact": "priya.raman@example.com | +1 206 555 0119 | Seattle, WA",
        "sections": [
            ("Summary", [
                "Assistant product manager with one year of experience supporting a mobile "
                "e-commerce app. Eager to grow into a full PM role; strong in documentation, "
                "data analysis with Excel and organising user feedback.",
            ]),
            ("Experience", [
                {"title": "Assistant Product Manager", "org": "Kettle Goods Inc., Seattle",
                 "dates": "Aug 2024 – Present", "bullets": [
                    "Draft sections of requirement documents and keep the feature backlog tidy.",
                    "Make low-fidelity wireframes in Axure for the PM to review.",
                    "Collect and tag app-store reviews and support tickets each week.",
                ]},
                {"title": "Product Intern", "org": "Harborview Apps", "dates": "Jun 2023 - "
                 "Aug 2023", "bullets": [
                    "Helped run a customer survey (400 responses) and summarised it in PowerPoint.",
                ]},
            ]),
            ("Education", [
                {"title": "Bachelor of Business Administration, Marketing",
                 "org": "Cascade State University", "dates": "2020 - 2024"},
            ]),
            ("Skills", ["Excel, PowerPoint, Axure (basic), Google Analytics, Trello; "
                        "SQL (coursework only)"]),
        ],
    },
    {
        "file": "en_pm_no_degree.pdf", "lang": "en", "layout": "single",
        "name": "Tyler Brooks", "headline": "Product Manager",
        "contact": "tyler.brooks@example.com | 512-555-0163 | Austin, TX",
        "sections": [
            ("Summary", [
                "Self-taught product manager. I started in customer support at a small online "
                "store and moved into product after building our first returns portal. Six years "
                "of product work on e-commerce and subscription products.",
            ]),
            ("Experience", [
                {"title": "Product Manager", "org": "Boxwell Subscriptions, Austin",
                 "dates": "2020 - 2024", "bullets": [
                    "Owned the subscription management experience (pause, skip, swap); churn "
                    "fell 14% in the first year.",
                    "Wrote specs and user stories, prototyped flows in Figma, ran weekly demos.",
                    "Did competitive analysis of meal-kit competitors and pricing research.",
                    "Wrote basic SQL queries to check retention cohorts.",
                ]},
                {"title": "Product Owner", "org": "Tejas Outfitters (online store)",
                 "dates": "2018 - 2020", "bullets": [
                    "Managed the backlog for the Shopify storefront and a custom returns portal.",
                ]},
                {"title": "Customer Support Lead", "org": "Tejas Outfitters",
                 "dates": "2016 - 2018", "bullets": [
                    "Led a team of 4 support agents; built the FAQ and macros library.",
                ]},
            ]),
            ("Education", [
                {"title": "High School Diploma", "org": "Eastside High School, Austin",
                 "dates": "2015"},
                "Google Project Management Certificate (online), 2021",
            ]),
            ("Skills", ["Product discovery, user interviews, Figma, Jira, Excel, basic SQL, "
                        "Shopify, stakeholder communication"]),
        ],
    },
    {
        "file": "en_data_analyst.pdf", "lang": "en", "layout": "single",
        "name": "Hannah Lindqvist", "headline": "Data Analyst",
        "contact": "hannah.lindqvist@example.com | +1 617 555 0134 | Boston, MA",
        "sections": [
            ("Summary", [
                "Data analyst with 5 years in retail and e-commerce analytics. I build the reports "
                "product and marketing teams use every week, mostly in SQL, Python and Excel.",
            ]),
            ("Experience", [
                {"title": "Data Analyst", "org": "Greenleaf Retail, Boston",
                 "dates": "Sep 2021 – Present", "bullets": [
                    "Maintain SQL pipelines and Tableau dashboards for online sales and returns.",
                    "Sized markets for two new product lines as part of market research.",
                    "Ran A/B test analysis for the e-commerce team's checkout experiments.",
                ]},
                {"title": "Junior Analyst", "org": "Northgate Insurance", "dates": "Jul 2020 – "
                 "Aug 2021", "bullets": ["Automated monthly Excel claims reports with VBA."]},
            ]),
            ("Education", [{"title": "Bachelor of Science in Statistics",
                            "org": "Bayside University", "dates": "2016 - 2020"}]),
            ("Skills", ["SQL, Python (pandas), Excel, Tableau, PowerPoint, A/B testing, "
                        "regression, data analysis"]),
        ],
    },
    {
        "file": "en_nurse.pdf", "lang": "en", "layout": "single",
        "name": "Grace Whitfield, RN", "headline": "Registered Nurse",
        "contact": "grace.whitfield@example.com | (614) 555-0158 | Columbus, OH",
        "sections": [
            ("Summary", [
                "Registered nurse with 7 years of experience in medical-surgical and telemetry "
                "units. Calm under pressure, strong patient education and charting skills.",
            ]),
            ("Experience", [
                {"title": "Staff Nurse, Telemetry Unit", "org": "Riverside Community Hospital",
                 "dates": "Apr 2020 – Present", "bullets": [
                    "Care for 4-5 cardiac patients per shift; monitor rhythms and titrate drips.",
                    "Precept new graduate nurses and serve as charge nurse twice a month.",
                ]},
                {"title": "Registered Nurse, Med-Surg", "org": "St. Anne Medical Center",
                 "dates": "06/2018 - 03/2020", "bullets": [
                    "Administered medications, wound care and post-operative assessments.",
                ]},
            ]),
            ("Education", [{"title": "Bachelor of Science in Nursing (BSN)",
                            "org": "Ohio Valley College of Nursing", "dates": "2014 - 2018"}]),
            ("Licenses & Certifications", ["RN License, Ohio · BLS · ACLS · PCCN"]),
            ("Skills", ["Patient assessment, IV therapy, Epic EHR, telemetry monitoring, "
                        "patient and family education"]),
        ],
    },
    {
        "file": "en_chef.pdf", "lang": "en", "layout": "single",
        "name": "Marco Bellini", "headline": "Chef de Cuisine",
        "contact": "marco.bellini@example.com | +1 503 555 0171 | Portland, OR",
        "sections": [
            ("Summary", [
                "Chef with 10 years in busy Italian and farm-to-table kitchens. I run lean, "
                "well-trained brigades and write seasonal menus around local producers.",
            ]),
            ("Experience", [
                {"title": "Chef de Cuisine", "org": "Osteria Verde, Portland",
                 "dates": "May 2019 – Present", "bullets": [
                    "Lead a kitchen of 12; 220 covers a night; food cost held at 28%.",
                    "Write four seasonal menus a year and manage supplier ordering.",
                ]},
                {"title": "Sous Chef", "org": "The Copper Table", "dates": "2015 - 2019",
                 "bullets": ["Ran the line on weekends; trained new cooks on pasta and sauces."]},
            ]),
            ("Education", [{"title": "Associate Degree in Culinary Arts",
                            "org": "Western Culinary Institute", "dates": "2012 - 2014"}]),
            ("Skills", ["Menu development, food costing, inventory, HACCP, staff training"]),
            ("Certifications", ["ServSafe Manager Certification"]),
        ],
    },
    {
        "file": "en_java_backend_engineer.pdf", "lang": "en", "layout": "single",
        "name": "Aleksander Novak", "headline": "Senior Java Backend Engineer",
        "contact": "aleksander.novak@example.com | +1 (646) 555-0126 | New York, NY",
        "sections": [
            ("Summary", [
                "Backend engineer with 8 years building high-throughput Java services for "
                "e-commerce order management and payments. Happy in on-call, code review and "
                "system design discussions.",
            ]),
            ("Experience", [
                {"title": "Senior Software Engineer", "org": "Orderly Systems, New York",
                 "dates": "Feb 2021 – Present", "bullets": [
                    "Designed the order service (Java 17, Spring Boot, "
                    "Kafka) handling 3k orders/s.",
                    "Cut p99 latency of the inventory API from 450 ms to 90 ms.",
                ]},
                {"title": "Software Engineer", "org": "PayGrid", "dates": "07/2017 - 01/2021",
                 "bullets": [
                     "Built reconciliation jobs in Java and PostgreSQL for card payments."]},
            ]),
            ("Education", [{"title": "Bachelor of Science in Computer Science",
                            "org": "Hudson Institute of Technology", "dates": "2013 - 2017"}]),
            ("Skills", ["Java, Spring Boot, Kafka, PostgreSQL, Redis, Docker, Kubernetes, AWS, "
                        "SQL, microservices"]),
        ],
    },
    {
        "file": "en_construction_project_manager.pdf", "lang": "en", "layout": "single",
        "name": "Derek Hollis, PMP", "headline": "Construction Project Manager",
        "contact": "derek.hollis@example.com | (720) 555-0148 | Denver, CO",
        "sections": [
            ("Summary", [
                "Project manager with 8 years delivering commercial construction projects up to "
                "$40M on time and on budget. Strong communication with owners, architects and "
                "subcontractors; PMP certified.",
            ]),
            ("Experience", [
                {"title": "Project Manager", "org": "Summit Ridge Builders, Denver",
                 "dates": "Jan 2020 – Present", "bullets": [
                    "Managed a 120,000 sq ft medical office build; finished 3 weeks early.",
                    "Own schedules in Primavera P6 and budgets and change orders in Excel.",
                    "Present monthly progress reports in PowerPoint to owners and lenders.",
                ]},
                {"title": "Assistant Project Manager", "org": "Front Range Construction",
                 "dates": "2017 - 2019", "bullets": [
                    "Handled RFIs, submittals and subcontractor coordination for retail fit-outs.",
                ]},
            ]),
            ("Education", [{"title": "Bachelor of Science in Construction Management",
                            "org": "Rocky Mountain State University", "dates": "2013 - 2017"}]),
            ("Skills", ["Project management, scheduling (Primavera P6, MS Project), cost control, "
                        "Excel, PowerPoint, Procore, AutoCAD, contract negotiation, teamwork"]),
            ("Certifications", ["PMP (Project Management Professional) · OSHA 30"]),
        ],
    },
    {
        "file": "zh_ecommerce_pm_senior.pdf", "lang": "zh", "layout": "single",
        "name": "陈思远", "headline": "求职意向：电商产品经理 / 高级产品经理",
        "contact": "chensiyuan@example.com | 138-0000-1234 | 杭州",
        "sections": [
            ("个人简介", [
                "10年以上互联网电商产品经验，负责过B2C商城和商家后台的产品规划。熟悉淘宝、天猫平台规则，"
                "擅长需求分析、竞品分析和用户体验优化，能独立撰写需求文档（PRD）并用Axure完成原型设计，"
                "与研发、设计、运营团队沟通顺畅。",
            ]),
            ("工作经历", [
                {"title": "高级电商产品经理", "org": "杭州云栖优品网络科技有限公司",
                 "dates": "2019年7月 - 至今", "bullets": [
                    "负责商城交易链路（商品详情、购物车、下单、支付）产品规划，带领3名产品经理。",
                    "主导会员积分体系改版：完成市场调研和5家竞品分析，输出需求文档与交互原型，"
                    "上线后复购率提升11%。",
                    "搭建商品数据看板，基于生意参谋和内部SQL数据做数据分析，推动转化率提升2.3个百分点。",
                    "组织用户访谈和可用性测试，持续优化用户体验。",
                ]},
                {"title": "产品经理", "org": "上海橙果电子商务有限公司",
                 "dates": "2016年3月 - 2019年6月",
                 "bullets": [
                    "负责天猫旗舰店配套的商家ERP产品，梳理订单、库存、售后流程，用Visio绘制业务流程图。",
                    "撰写需求文档30余份，跟进开发测试上线，项目按期交付率95%。",
                ]},
                {"title": "产品助理", "org": "南京星河信息技术有限公司",
                 "dates": "2014年7月 - 2016年2月",
                 "bullets": ["协助完成竞品分析报告和原型设计，整理用户反馈。"]},
            ]),
            ("教育背景", [
                {"title": "硕士 · 管理科学与工程", "org": "江南理工大学", "dates": "2012 - 2014"},
                {"title": "本科 · 电子商务", "org": "江南理工大学", "dates": "2008 - 2012"},
            ]),
            ("专业技能", [
                "需求文档（PRD/MRD）、Axure原型设计、Visio流程图、PPT汇报、Excel数据分析、SQL",
                "市场调研、竞品分析、用户体验设计、A/B测试；熟悉淘宝/天猫、京东平台规则",
            ]),
            ("证书", ["NPDP产品经理国际资格认证，PMP项目管理专业人士认证"]),
        ],
    },
    {
        "file": "zh_ecommerce_ops_mid_twocol.pdf", "lang": "zh", "layout": "two_column",
        "sidebar": ["专业技能", "教育背景", "语言能力"],
        "name": "王晓敏", "headline": "求职意向：电商运营",
        "contact": "wangxiaomin@example.com | 139-0000-5678 | 广州",
        "sections": [
            ("个人简介", [
                "3年天猫、淘宝店铺运营经验，熟悉直通车、钻展和生意参谋，对数据敏感，"
                "擅长活动策划和店铺流量提升。性格开朗，沟通能力和执行力强。",
            ]),
            ("工作经历", [
                {"title": "电商运营专员", "org": "广州悦木家居用品有限公司",
                 "dates": "2023.04-至今",
                 "bullets": [
                    "负责天猫旗舰店日常运营，店铺年销售额从800万增长到1500万。",
                    "管理直通车和引力魔方推广，ROI由1.8提升到2.6。",
                    "每周用生意参谋做数据分析，优化商品标题SEO和主图点击率。",
                    "策划双11、618大促活动，协调美工、客服和仓库。",
                ]},
                {"title": "淘宝运营助理", "org": "佛山美居网络科技有限公司",
                 "dates": "2021.07-2023.03",
                 "bullets": [
                    "负责商品上下架、详情页文案和竞品店铺监控。",
                    "协助SEM投放和站外推广，整理日报周报。",
                ]},
            ]),
            ("专业技能", [
                "淘宝/天猫店铺运营", "直通车、引力魔方", "生意参谋", "SEO/SEM", "Excel数据分析",
                "活动策划", "PPT",
            ]),
            ("教育背景", [{"title": "本科 · 市场营销",
                       "org": "华南商贸学院", "dates": "2017 - 2021"}]),
            ("语言能力", ["英语CET-4", "普通话、粤语"]),
        ],
    },
    {
        "file": "zh_ecommerce_fresh_grad.pdf", "lang": "zh", "layout": "single",
        "name": "刘佳琪", "headline": "求职意向：电商运营助理 / 产品助理（应届生）",
        "contact": "liujiaqi@example.com | 137-0000-9012 | 郑州",
        "sections": [
            ("个人简介", [
                "2025届应届毕业生，电子商务专业。在校期间开过淘宝小店，有一段电商实习经历，"
                "学习能力强，希望从运营助理做起。",
            ]),
            ("实习经历", [
                {"title": "电商运营实习生", "org": "郑州禾丰农产品电子商务有限公司",
                 "dates": "2024年7月 - 2024年10月", "bullets": [
                    "协助店铺上新，编写商品标题和详情页文案。",
                    "整理每日销售数据，制作Excel报表。",
                ]},
            ]),
            ("校园经历", [
                {"title": "学生会宣传部 部长", "org": "中原经贸职业学院", "dates": "2023 - 2024",
                 "bullets": ["负责公众号排版和校园活动海报。"]},
            ]),
            ("教育背景", [{"title": "大专 · 电子商务", "org": "中原经贸职业学院",
                          "dates": "2022年9月 - 2025年6月"}]),
            ("专业技能", ["Office办公软件（Word、Excel、PPT），Photoshop基础，了解淘宝开店流程"]),
        ],
    },
    {
        "file": "zh_pm_fintech_bilingual.pdf", "lang": "zh", "layout": "single",
        "name": "赵一鸣 (Yiming Zhao)", "headline": "求职意向：产品经理（金融科技 / 电商）",
        "contact": "zhaoyiming@example.com | 186-0000-3456 | 北京",
        "sections": [
            ("个人简介", [
                "6年互联网金融和电商产品经验，负责过P2P网贷平台的借款端和出借端产品，"
                "熟悉信贷风控流程。能熟练使用Axure、Visio、SQL，英语可作为工作语言。",
            ]),
            ("工作经历", [
                {"title": "产品经理（Product Manager）", "org": "北京融通信息科技有限公司",
                 "dates": "2021/03 – 至今", "bullets": [
                    "负责消费信贷App的借款流程，撰写PRD和交互原型（Axure RP），审批通过率提升8%。",
                    "用SQL提取放款和逾期数据，做Cohort数据分析，推动风控策略迭代。",
                    "完成竞品分析（Competitive Analysis）与用户调研（User "
                    "Research），输出PPT汇报。",
                ]},
                {"title": "产品专员（Associate PM）", "org": "北京易贷网络技术有限公司（P2P平台）",
                 "dates": "2019.07-2021.02", "bullets": [
                    "负责出借人端自动投标功能，梳理资金存管业务流程（Visio）。",
                    "配合项目管理（Project Management），按Scrum节奏跟进需求上线。",
                ]},
            ]),
            ("教育背景", [{"title": "本科 · 金融学（Bachelor of Economics）", "org": "北方财经大学",
                          "dates": "2015 - 2019"}]),
            ("专业技能", ["PRD, Axure RP, Visio, SQL, Excel, PowerPoint, Jira, A/B Testing, "
                         "Market Research, Data Analysis"]),
            ("语言与证书", ["英语CET-6（口语流利），PMP"]),
        ],
    },
    {
        "file": "zh_accountant.pdf", "lang": "zh", "layout": "single",
        "name": "孙丽华", "headline": "求职意向：会计 / 财务主管",
        "contact": "sunlihua@example.com | 135-0000-7788 | 成都",
        "sections": [
            ("个人简介", [
                "9年企业财务会计经验，熟悉总账、税务申报和财务报表编制，持中级会计师证书。"]),
            ("工作经历", [
                {"title": "总账会计", "org": "成都锦程机械制造有限公司",
                 "dates": "2018年3月 - 至今",
                 "bullets": [
                    "负责总账核算、月末结账和财务报表编制，协助年度审计。",
                    "负责增值税、企业所得税申报，与税务机关沟通。",
                ]},
                {"title": "出纳", "org": "成都天府物流有限公司", "dates": "2016.07-2018.02",
                 "bullets": ["负责现金、银行收付款和票据管理。"]},
            ]),
            ("教育背景", [{"title": "本科 · 会计学",
                       "org": "西南财经学院", "dates": "2012 - 2016"}]),
            ("专业技能", ["用友U8、金蝶K3、Excel；中级会计师、初级会计师"]),
        ],
    },
]

# The plain-text resume (samples/en_pm_mid_plain.txt) uses the same data shape.
PLAIN_TEXT_RESUME: Doc = {
    "file": "en_pm_mid_plain.txt",
    "name": "Samuel Okafor", "headline": "Product Manager - Digital Lending",
    "contact": "samuel.okafor@example.com | +1 (404) 555-0191 | Atlanta, GA",
    "sections": [
        ("Summary", [
            "Product manager with 6 years of experience in consumer credit and personal loan "
            "products. I write clear requirement documents, work closely with risk and "
            "engineering, and like using data analysis to decide what to build next.",
        ]),
        ("Experience", [
            {"title": "Product Manager", "org": "Peachtree Credit Union (digital lending team)",
             "dates": "Sep 2021 – Present", "bullets": [
                "Own the online personal loan application; completion rate up from 41% to 58%.",
                "Write PRDs and user stories; prototype flows in Axure before design handoff.",
                "Query application and default data in SQL; share monthly results in PowerPoint.",
                "Led market research and competitive analysis on 6 fintech lenders.",
            ]},
            {"title": "Business Analyst", "org": "Southline Bank", "dates": "2019 - 2021",
             "bullets": [
                "Mapped loan servicing processes in Visio and wrote requirement documents for "
                "the core banking upgrade.",
                "Kept project plans and RAID logs in Excel for a 14-person project.",
            ]},
        ]),
        ("Education", [{"title": "Bachelor of Science in Finance",
                        "org": "Georgia Metro University", "dates": "2015 - 2019"}]),
        ("Skills", ["PRD writing, Axure, Visio, SQL, Excel, PowerPoint, Jira, user research, "
                    "market research, competitive analysis, agile project management"]),
        ("Certifications", ["Certified Scrum Product Owner (CSPO), 2022"]),
    ],
}
# fmt: on

# --------------------------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------------------------

INK, ACCENT, MUTED = (33, 33, 33), (31, 78, 121), (100, 100, 100)
SIDEBAR_BG = (236, 240, 244)
CJK = "\u2e80-\u9fff\u3000-\u303f\uff00-\uffef"
TOKEN = re.compile(rf"[^\s{CJK}]+|\s+|.")  # Latin word | run of spaces | single CJK char
NO_LINE_START = set("，。、；：！？）》」』,.;:!?)")


class Resume(FPDF):
    """FPDF with one font family per language and a fake-bold for the single-weight CJK font."""

    def __init__(self, lang: str) -> None:
        super().__init__(format="A4", unit="mm")
        self.script = lang
        if lang == "zh":
            self.add_font("wqy", "", WQY, collection_font_number=0)
        else:
            self.add_font("dejavu", "", DEJAVU)
            self.add_font("dejavu", "B", DEJAVU_BOLD)
        self.set_margins(16, 14, 16)
        self.set_auto_page_break(True, margin=14)
        self.set_creation_date(FIXED_DATE)
        self.set_producer("matcher samples/make_samples.py")
        self.set_creator("matcher samples/make_samples.py")
        self.set_lang("zh-CN" if lang == "zh" else "en-US")

    def font(self, size: float, bold: bool = False, color: tuple[int, int, int] = INK) -> None:
        self.set_text_color(*color)
        if self.script == "zh":  # WenQuanYi has no bold face: stroke the outline instead
            self.set_font("wqy", "", size)
            self.text_mode = TextMode.FILL_STROKE if bold else TextMode.FILL
            self.set_draw_color(*color)
            self.set_line_width(0.18)
        else:
            self.set_font("dejavu", "B" if bold else "", size)

    def lines(self, text: str, x: float, w: float, lh: float = 4.6) -> None:
        """Greedy wrap that never splits a Latin word and can break between CJK characters
        (fpdf2's own wrap modes do one or the other, not both). Closing CJK punctuation
        is allowed to overhang instead of starting a line."""
        rows, row = [], ""
        for tok in TOKEN.findall(text):
            too_wide = self.get_string_width(row + tok) > w - 2 * self.c_margin
            if row and too_wide and tok not in NO_LINE_START:
                rows.append(row.rstrip())
                row = "" if tok.isspace() else tok
            else:
                row += tok
        for r in [*rows, row]:
            self.set_x(x)
            self.cell(w, lh, r, new_x=XPos.LEFT, new_y=YPos.NEXT)

    def para(self, text: str, x: float, w: float, size: float = 9.5, lh: float = 4.6) -> None:
        self.font(size)
        self.lines(text, x, w, lh)


def render_heading(pdf: Resume, heading: str, x: float, w: float) -> None:
    pdf.ln(2.5)
    pdf.set_x(x)
    pdf.font(11, bold=True, color=ACCENT)
    pdf.cell(
        w, 6, heading.upper() if pdf.script == "en" else heading, new_x=XPos.LEFT, new_y=YPos.NEXT
    )
    pdf.set_draw_color(*ACCENT)
    pdf.set_line_width(0.3)
    pdf.line(x, pdf.get_y(), x + w, pdf.get_y())
    pdf.ln(1.5)


def render_entry(pdf: Resume, e: dict[str, Any], x: float, w: float, narrow: bool) -> None:
    if narrow:  # sidebar: stack title / org / dates
        pdf.para(e["title"], x, w, size=9.5)
        pdf.para(e["org"], x, w, size=9)
        pdf.font(8.5, color=MUTED)
        pdf.set_x(x)
        pdf.cell(w, 4.4, e["dates"], new_x=XPos.LEFT, new_y=YPos.NEXT)
    else:
        pdf.font(9.5, color=MUTED)
        date_w = pdf.get_string_width(e["dates"]) + 2
        pdf.font(10.5, bold=True)
        if pdf.get_string_width(e["title"]) > w - date_w:
            sys.exit(f"entry title collides with its dates: {e['title']!r}")
        pdf.set_x(x)
        pdf.cell(w - date_w, 5.4, e["title"])
        pdf.font(9.5, color=MUTED)
        pdf.cell(date_w, 5.4, e["dates"], align="R", new_x=XPos.LEFT, new_y=YPos.NEXT)
        pdf.set_x(x)
        pdf.font(9.5, color=MUTED)
        pdf.cell(w, 4.8, e["org"], new_x=XPos.LEFT, new_y=YPos.NEXT)
    for bullet in e.get("bullets", []):
        pdf.font(9.5)
        pdf.set_x(x + 2)
        pdf.cell(4, 4.6, "•")
        pdf.lines(bullet, x + 6, w - 6)
    pdf.ln(1.5)


def render_sections(
    pdf: Resume, sections: list[tuple[str, list[Any]]], x: float, w: float, narrow: bool = False
) -> None:
    for heading, items in sections:
        render_heading(pdf, heading, x, w)
        for item in items:
            if isinstance(item, dict):
                render_entry(pdf, item, x, w, narrow)
            else:
                pdf.para(item, x, w, size=9 if narrow else 9.5)
                pdf.ln(0.6 if narrow else 0.8)


def render_header(pdf: Resume, r: Doc) -> None:
    pdf.font(20, bold=True)
    pdf.cell(0, 9, r["name"], new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.font(11.5, color=ACCENT)
    pdf.cell(0, 6, r["headline"], new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.font(9.5, color=MUTED)
    pdf.cell(0, 5, r["contact"], new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1)


def build_pdf(r: Doc) -> bytes:
    pdf = Resume(r["lang"])
    pdf.set_title(f"{r['name']} - {r['headline']}")
    pdf.set_author(r["name"])
    pdf.set_subject("Sample resume (fictional person) for the matcher project")
    pdf.add_page()
    render_header(pdf, r)
    if r["layout"] == "single":
        render_sections(pdf, r["sections"], pdf.l_margin, pdf.epw)
    else:
        top, side_w, gap = pdf.get_y() + 2, 56.0, 7.0
        left = [s for s in r["sections"] if s[0] in r["sidebar"]]
        main = [s for s in r["sections"] if s[0] not in r["sidebar"]]
        pdf.set_fill_color(*SIDEBAR_BG)
        pdf.rect(pdf.l_margin - 3, top, side_w + 6, pdf.h - top - 10, style="F")
        pdf.set_y(top)
        render_sections(pdf, left, pdf.l_margin, side_w, narrow=True)
        pdf.set_y(top)
        render_sections(pdf, main, pdf.l_margin + side_w + gap, pdf.epw - side_w - gap)
        if pdf.page_no() != 1:
            sys.exit(f"{r['file']}: two-column layout overflowed onto a second page")
    return bytes(pdf.output())


def build_text(r: Doc) -> str:
    lines = [r["name"], r["headline"], r["contact"], ""]
    for heading, items in r["sections"]:
        lines += [heading.upper(), "-" * len(heading)]
        for item in items:
            if isinstance(item, dict):
                lines.append(f"{item['title']} | {item['org']} | {item['dates']}")
                lines += [f"  - {b}" for b in item.get("bullets", [])]
            else:
                lines.append(item)
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    for path in (DEJAVU, DEJAVU_BOLD, WQY):
        if not Path(path).exists():
            sys.exit(f"missing font {path}: apt-get install fonts-dejavu-core fonts-wqy-microhei")
    for r in RESUMES:
        data = build_pdf(r)
        (OUT / r["file"]).write_bytes(data)
        print(f"{r['file']:<36} {len(data) / 1024:6.1f} KB")
    text = build_text(PLAIN_TEXT_RESUME)
    (OUT / PLAIN_TEXT_RESUME["file"]).write_text(text, encoding="utf-8")
    print(f"{PLAIN_TEXT_RESUME['file']:<36} {len(text.encode()) / 1024:6.1f} KB")


if __name__ == "__main__":
    main()
